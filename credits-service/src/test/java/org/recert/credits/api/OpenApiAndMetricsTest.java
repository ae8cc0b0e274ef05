package org.recert.credits.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.recert.credits.Fixtures.aamaCredit;
import static org.recert.credits.Fixtures.unique;

import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recert.credits.Fixtures;
import org.recert.platform.security.DevTokens;

@QuarkusTest
class OpenApiAndMetricsTest {

    @Inject
    DevTokens tokens;

    @Test
    void shouldDocumentEveryEndpointUnderTheCreditsTag() {
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/credits/learners/{learnerId}/credits"))
                .body("paths", hasKey("/api/v1/credits/learners/{learnerId}/credits/{creditId}"))
                .body("paths", hasKey("/api/v1/credits/learners/{learnerId}/credits/{creditId}/corrections"))
                .body("paths", hasKey("/api/v1/credits/learners/{learnerId}/transcript"))
                .body("paths", hasKey("/api/v1/credits/completion-reports"))
                .body("paths.'/api/v1/credits/learners/{learnerId}/credits'.post.tags", org.hamcrest.Matchers.hasItem("Credits"))
                .body("components.schemas", hasKey("Credit"));
    }

    @Test
    void shouldCountRecordedCredits() {
        String learner = unique("counted");
        given().auth().oauth2(Fixtures.learner(tokens, learner)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(aamaCredit("Counted")).post(CreditRecordingTest.path(learner)).then().statusCode(201);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("recert_credits_recorded_total{source=\"LEARNER_REPORTED\"}"));
    }
}
