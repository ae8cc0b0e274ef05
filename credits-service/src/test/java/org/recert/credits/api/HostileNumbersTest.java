package org.recert.credits.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.recert.credits.Fixtures.aamaCredit;
import static org.recert.credits.Fixtures.count;
import static org.recert.credits.Fixtures.unique;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.recert.credits.Fixtures;
import org.recert.platform.web.NumberBounds;
import org.recert.platform.security.DevTokens;

/**
 * Numbers sent to stall a worker: {@code 1e10000000} used to reach {@code Amount}'s constructor, whose
 * {@code setScale(0)} held a worker for over 30 s. Each must be a 400 naming the field, and nothing written. The client
 * gives up after 10 s, far above a 400's milliseconds, so that the old behaviour fails here instead of hanging.
 */
@QuarkusTest
class HostileNumbersTest {

    private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";
    private static final String PLACEHOLDER = "\"number-here\"";
    private static final RestAssuredConfig IMPATIENT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 10_000));

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    @ParameterizedTest
    @ValueSource(strings = { "1e10000000", "1e400000000", "1e-400000000", FORTY_DIGITS })
    void shouldRefuseAnUnboundedAmountNamingItAndWriteNothing(String number) {
        String learner = unique("learner");
        post(learner, body(Map.of("value", "number-here", "unit", "AAMA_CEU"), "amount", number))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("amount.value"))
                .body("detail", containsString(NumberBounds.MESSAGE));
        post(learner, body(java.util.List.of(Map.of("category", "CLINICAL", "value", "number-here")), "categories", number))
                .statusCode(400)
                .body("field", equalTo("categories[0].value"));
        org.assertj.core.api.Assertions.assertThat(count(entityManager,
                "select count(*) from credit where learner_id = '" + learner + "'")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e400000000", FORTY_DIGITS })
    void shouldRefuseUnboundedContactMinutesNamingThem(String number) {
        post(unique("learner"), body("number-here", "contactMinutes", number))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("contactMinutes"));
    }

    @Test
    void shouldRefuseAnUnboundedCorrectionNamingTheField() {
        String learner = unique("learner");
        given().config(IMPATIENT).auth().oauth2(Fixtures.learner(tokens, learner)).header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"typo\",\"amount\":{\"value\":1e10000000,\"unit\":\"AAMA_CEU\"}}")
                .when().post("/api/v1/credits/learners/" + learner + "/credits/" + UUID.randomUUID() + "/corrections")
                .then().statusCode(400)
                .body("field", equalTo("amount.value"));
    }

    @Test
    void shouldRefuseAKeyGivenTwiceNamingIt() {
        String learner = unique("learner");
        String twice = body(Map.of("value", "number-here", "unit", "AAMA_CEU"), "amount", "2")
                .replace("\"unit\"", "\"value\":999,\"unit\"");
        post(learner, twice)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("amount.value"))
                .body("detail", containsString("twice"));
    }

    @Test
    void shouldRefuseDeeplyNestedJsonAsAProblem() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        post(unique("learner"), body("number-here", "evidenceOf", deep))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("body"));
    }

    private ValidatableResponse post(String learner, String body) {
        return given().config(IMPATIENT).auth().oauth2(Fixtures.learner(tokens, learner))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/credits/learners/" + learner + "/credits")
                .then();
    }

    /** A valid credit whose {@code field} is {@code value}, with the placeholder in it replaced by {@code number} as written. */
    private static String body(Object value, String field, String number) {
        try {
            return new ObjectMapper().writeValueAsString(Fixtures.with(aamaCredit("Hostile numbers"), field, value))
                    .replace(PLACEHOLDER, number);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
