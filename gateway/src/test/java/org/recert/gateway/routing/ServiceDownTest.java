package org.recert.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.ComplianceDown;
import org.recert.gateway.support.Tokens;
import org.recert.platform.security.DevTokens;

/** The compliance service is stopped; catalog and credits run. */
@QuarkusTest
@TestProfile(ComplianceDown.class)
class ServiceDownTest {

    @Inject
    DevTokens devTokens;

    @Test
    void shouldAnswer503ProblemFastForAStoppedService() {
        long started = System.nanoTime();
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("down")))
                .when().get("/api/v1/compliance/learners/maria/status?credential=CMA_AAMA")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo(503))
                .body("type", equalTo("/problems/unavailable"))
                .body("detail", containsString("compliance"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        given().header("Authorization", Tokens.learner(devTokens, Tokens.uniqueSubject("down")))
                .when().get("/api/v1/catalog/echo")
                .then().statusCode(200);
    }

    @Test
    void shouldOpenTheCircuitAfterRepeatedFailuresAndAnswerAtOnce() {
        String token = Tokens.learner(devTokens, Tokens.uniqueSubject("down"));
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", token).when().get("/api/v1/compliance/echo").then().statusCode(503);
        }
        long started = System.nanoTime();
        given().header("Authorization", token)
                .when().get("/api/v1/compliance/echo")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("circuit open"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void shouldServeAPartialDashboardWhenAServiceIsDown() {
        given().header("Authorization", Tokens.learner(devTokens, "maria"))
                .when().get("/api/v1/me/dashboard")
                .then().statusCode(200)
                .body("complete", equalTo(false))
                .body("credentials[0].credential", equalTo("CMA_AAMA"))
                .body("credentials[0].status.available", equalTo(false))
                .body("credentials[0].status.reason", containsString("compliance is unavailable"))
                .body("credentials[0].cheapestPlan.available", equalTo(false))
                .body("recentCredits.available", equalTo(true))
                .body("recentCredits.data.items[0].learnerId", equalTo("maria"));
    }

    @Test
    void shouldServeTheOpenApiOfTheServicesThatAnswerAndSaySo() {
        given().when().get("/openapi.json")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/catalog/things"))
                .body("paths", hasKey("/api/v1/credits/things"))
                .body("paths", not(hasKey("/api/v1/compliance/things")))
                .body("info.description", containsString("**compliance**: unavailable"));
    }

    @Test
    void shouldStayReadyWhileAServiceIsDown() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
