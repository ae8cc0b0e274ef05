package org.recert.credits.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.recert.credits.Fixtures.aamaCredit;
import static org.recert.credits.Fixtures.count;
import static org.recert.credits.Fixtures.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.credits.Fixtures;
import org.recert.platform.security.DevTokens;

/** Who may do what: every endpoint refuses the anonymous (401), the wrong role (403) and another learner (404). */
@QuarkusTest
class AccessTest {

    private static final Map<String, Object> CORRECTION = Map.of("reason", "typo", "title", "Corrected");

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    private String owner;
    private String creditPath;

    @BeforeEach
    void recordACredit() {
        owner = unique("owner");
        creditPath = given().auth().oauth2(Fixtures.learner(tokens, owner)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(aamaCredit("Private")).post(CreditRecordingTest.path(owner))
                .then().statusCode(201).extract().header("Location");
    }

    /** Each learner endpoint, as a request a given caller makes against the owner's ledger. */
    private List<Function<RequestSpecification, Response>> learnerEndpoints() {
        String credits = CreditRecordingTest.path(owner);
        return List.of(
                r -> r.header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(aamaCredit("Intrusion"))
                        .post(credits),
                r -> r.get(credits),
                r -> r.get(creditPath),
                r -> r.queryParam("versions", "all").get(creditPath),
                r -> r.header("If-Match", "\"1\"").contentType(ContentType.JSON).body(CORRECTION).post(creditPath + "/corrections"),
                r -> r.header("If-Match", "\"1\"").queryParam("reason", "intrusion").delete(creditPath),
                r -> r.accept(ContentType.JSON).get("/api/v1/credits/learners/" + owner + "/transcript"),
                r -> r.accept("text/csv").get("/api/v1/credits/learners/" + owner + "/transcript"));
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        for (Function<RequestSpecification, Response> endpoint : learnerEndpoints()) {
            endpoint.apply(given()).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/credits/completion-reports").then().statusCode(401);
    }

    @Test
    void shouldAnswer403ToEmployersCuratorsAndProvidersOnALedger() {
        for (String token : List.of(Fixtures.withRole(tokens, "employer"), Fixtures.withRole(tokens, "curator"),
                Fixtures.provider(tokens, Fixtures.PROVIDER))) {
            for (Function<RequestSpecification, Response> endpoint : learnerEndpoints()) {
                endpoint.apply(given().auth().oauth2(token)).then().statusCode(403).contentType("application/problem+json");
            }
        }
        assertUntouched();
    }

    @Test
    void shouldAnswer404ToAnotherLearner() {
        String intruder = Fixtures.learner(tokens, unique("intruder"));
        for (Function<RequestSpecification, Response> endpoint : learnerEndpoints()) {
            endpoint.apply(given().auth().oauth2(intruder)).then().statusCode(404).contentType("application/problem+json");
        }
        assertUntouched();
    }

    @Test
    void shouldAnswer404ForACreditOfAnotherLearnerEvenUnderTheirOwnPath() {
        String intruderId = unique("intruder");
        String intruder = Fixtures.learner(tokens, intruderId);
        String foreignCredit = creditPath.substring(creditPath.lastIndexOf('/') + 1);
        String underOwnPath = CreditRecordingTest.path(intruderId) + "/" + foreignCredit;
        given().auth().oauth2(intruder).get(underOwnPath).then().statusCode(404);
        given().auth().oauth2(intruder).header("If-Match", "\"1\"").queryParam("reason", "x").delete(underOwnPath).then().statusCode(404);
        given().auth().oauth2(intruder).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(CORRECTION)
                .post(underOwnPath + "/corrections").then().statusCode(404);
        assertUntouched();
    }

    @Test
    void shouldLetAnAdminReadAndChangeAnyLedger() {
        String admin = Fixtures.admin(tokens);
        given().auth().oauth2(admin).get(creditPath).then().statusCode(200);
        given().auth().oauth2(admin).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(CORRECTION)
                .post(creditPath + "/corrections").then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(admin).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(aamaCredit("Recorded by ops")).post(CreditRecordingTest.path(owner))
                .then().statusCode(201).body("source", equalTo("ADMIN_RECORDED"));
    }

    @Test
    void shouldRefuseAnInvalidLearnerIdInThePath() {
        given().auth().oauth2(Fixtures.admin(tokens)).get("/api/v1/credits/learners/-bad*id/credits")
                .then().statusCode(400).body("field", equalTo("learnerId"));
    }

    @Test
    void shouldLetOnlyProvidersAndAdminsReportCompletions() {
        String body = "[{\"courseId\":\"" + UUID.randomUUID() + "\",\"learnerId\":\"" + owner + "\",\"completedOn\":\"2025-05-01\"}]";
        for (String token : List.of(Fixtures.learner(tokens, owner), Fixtures.withRole(tokens, "employer"),
                Fixtures.withRole(tokens, "curator"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/credits/completion-reports")
                    .then().statusCode(403);
        }
        String providerWithoutClaim = tokens.mint("prov-x", java.util.Set.of("provider"), null, null, java.time.Duration.ofMinutes(5));
        given().auth().oauth2(providerWithoutClaim).contentType(ContentType.JSON).body(body).post("/api/v1/credits/completion-reports")
                .then().statusCode(403);
        given().auth().oauth2(Fixtures.admin(tokens)).contentType(ContentType.JSON).body(body).post("/api/v1/credits/completion-reports")
                .then().statusCode(200).body("rows[0].status", equalTo("REJECTED"));
    }

    @Test
    void shouldRefuseAProviderReportingForAnotherProvidersCourse() {
        String course = UUID.randomUUID().toString();
        Fixtures.publishCourse(entityManager, "CoursePublished", course, Fixtures.OTHER_PROVIDER, 1, "PUBLISHED", null, false);
        given().auth().oauth2(Fixtures.provider(tokens, Fixtures.PROVIDER)).contentType(ContentType.JSON)
                .body(List.of(Map.of("courseId", course, "learnerId", owner, "completedOn", "2025-05-01")))
                .post("/api/v1/credits/completion-reports")
                .then().statusCode(200).body("rows[0].status", equalTo("REJECTED")).body("rows[0].field", equalTo("courseId"));
        given().auth().oauth2(Fixtures.provider(tokens, Fixtures.OTHER_PROVIDER)).contentType(ContentType.JSON)
                .body(List.of(Map.of("courseId", course, "learnerId", owner, "completedOn", "2025-05-01")))
                .post("/api/v1/credits/completion-reports")
                .then().statusCode(200).body("rows[0].status", equalTo("ACCEPTED"));
    }

    private void assertUntouched() {
        assertThat(count(entityManager, "select count(*) from credit where learner_id = '" + owner + "'")).isEqualTo(1);
        assertThat(count(entityManager, "select max(version) from credit where learner_id = '" + owner + "'")).isEqualTo(1);
    }
}
