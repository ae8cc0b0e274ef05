package org.recert.compliance.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recert.compliance.TestEvents;
import org.recert.platform.security.DevTokens;
import org.recert.platform.web.NumberBounds;

/** Numbers and bodies sent to stall or confuse: bounded where they enter, a 400 naming the parameter or field. */
@QuarkusTest
class HostileNumbersTest {

    private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";

    @Inject
    DevTokens tokens;

    @ParameterizedTest
    @ValueSource(strings = { "1e400000000", "1e-400000000", FORTY_DIGITS, "1e34" })
    void shouldRefuseAnUnboundedBudgetNamingIt(String budget) {
        String learner = TestEvents.unique("spender");
        given().auth().oauth2(tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5)))
                .queryParam("credential", "CMA_AAMA").queryParam("budget", budget)
                .when().get("/api/v1/compliance/learners/{id}/plan", learner)
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("budget"));
    }

    @Test
    void shouldNameTheBoundOfABudgetWithAHugeExponent() {
        String learner = TestEvents.unique("spender");
        given().auth().oauth2(tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5)))
                .queryParam("credential", "CMA_AAMA").queryParam("budget", "1e-400000000")
                .when().get("/api/v1/compliance/learners/{id}/plan", learner)
                .then().statusCode(400).body("detail", containsString(NumberBounds.MESSAGE));
    }

    @Test
    void shouldRefuseAKeyGivenTwiceAndDeepNestingInABody() {
        String employer = tokens.mint("hr-hostile", Set.of("employer"), "22222222-2222-4222-8222-222222222222", null, Duration.ofMinutes(5));
        given().auth().oauth2(employer).contentType(ContentType.JSON)
                .body("{\"credential\":\"CMA_AAMA\",\"credential\":\"RMA_AMT\",\"learnerIds\":[\"maria\"]}")
                .when().post("/api/v1/compliance/roster-checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("credential"))
                .body("detail", containsString("twice"));
        given().auth().oauth2(employer).contentType(ContentType.JSON)
                .body("{\"credential\":\"CMA_AAMA\",\"learnerIds\":[\"maria\"],\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                .when().post("/api/v1/compliance/roster-checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("body"));
    }
}
