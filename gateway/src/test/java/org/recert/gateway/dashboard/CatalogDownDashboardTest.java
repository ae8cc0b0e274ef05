package org.recert.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.CatalogDown;
import org.recert.gateway.support.Tokens;
import org.recert.platform.security.DevTokens;

/** The catalog service is stopped; credits and compliance run. */
@QuarkusTest
@TestProfile(CatalogDown.class)
class CatalogDownDashboardTest {

    @Inject
    DevTokens devTokens;

    @Test
    void shouldServeAPartialDashboardWhenTheCatalogIsStopped() {
        given().header("Authorization", Tokens.learner(devTokens, "james"))
                .when().get("/api/v1/me/dashboard")
                .then().statusCode(200)
                .body("complete", equalTo(false))
                .body("suggestedCourses.available", equalTo(false))
                .body("suggestedCourses.reason", containsString("catalog is unavailable"))
                .body("credentials[0].summary.status", equalTo("AT_RISK"))
                .body("credentials[0].cheapestPlan.available", equalTo(true))
                .body("recentCredits.available", equalTo(true));
    }
}
