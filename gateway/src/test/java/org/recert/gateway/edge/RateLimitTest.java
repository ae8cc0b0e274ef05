package org.recert.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.AllServicesUp;
import org.recert.gateway.support.Tokens;
import org.recert.platform.security.DevTokens;

/** The test profile gives the bulk endpoints a budget of 2 requests a minute. */
@QuarkusTest
@TestProfile(AllServicesUp.class)
class RateLimitTest {

    private static final String ROSTER_CHECKS = "/api/v1/compliance/roster-checks";

    @Inject
    DevTokens devTokens;

    @Test
    void shouldAnswer429WithRetryAfterOnceTheBulkBudgetIsSpent() {
        String token = Tokens.withGroups(devTokens, Tokens.uniqueSubject("hr"), "employer");
        given().header("Authorization", token).contentType("application/json").body("{}")
                .when().post(ROSTER_CHECKS)
                .then().statusCode(200)
                .header("RateLimit-Policy", "\"bulk\";q=2;w=60")
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"bulk\";r=1;t="));
        given().header("Authorization", token).contentType("application/json").body("{}")
                .when().post(ROSTER_CHECKS)
                .then().statusCode(200)
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"bulk\";r=0;t="));
        Response refused = given().header("Authorization", token).contentType("application/json").body("{}")
                .when().post(ROSTER_CHECKS)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-requests"))
                .header("RateLimit-Policy", "\"bulk\";q=2;w=60")
                .extract().response();
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.getHeader("RateLimit")).startsWith("\"bulk\";r=0;t=");
    }

    @Test
    void shouldKeepTheOrdinaryBudgetWhenTheBulkOneIsSpent() {
        String token = Tokens.withGroups(devTokens, Tokens.uniqueSubject("hr"), "employer");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", token).contentType("application/json").body("{}")
                    .when().post("/api/v1/credits/completion-reports").then().statusCode(200);
        }
        given().header("Authorization", token).contentType("application/json").body("{}")
                .when().post("/api/v1/credits/completion-reports").then().statusCode(429);
        given().header("Authorization", token)
                .when().get("/api/v1/compliance/echo")
                .then().statusCode(200)
                .header("RateLimit-Policy", "\"compliance\";q=300;w=60");
    }

    @Test
    void shouldCountEachClientOnItsOwn() {
        String first = Tokens.withGroups(devTokens, Tokens.uniqueSubject("hr"), "employer");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", first).contentType("application/json").body("{}").when().post(ROSTER_CHECKS);
        }
        given().header("Authorization", Tokens.withGroups(devTokens, Tokens.uniqueSubject("hr"), "employer"))
                .contentType("application/json").body("{}")
                .when().post(ROSTER_CHECKS)
                .then().statusCode(200);
    }
}
