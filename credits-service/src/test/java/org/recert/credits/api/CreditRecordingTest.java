package org.recert.credits.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.recert.credits.Fixtures.aamaCredit;
import static org.recert.credits.Fixtures.count;
import static org.recert.credits.Fixtures.unique;
import static org.recert.credits.Fixtures.with;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.recert.credits.Fixtures;
import org.recert.platform.security.DevTokens;

@QuarkusTest
class CreditRecordingTest {

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    @Inject
    org.recert.credits.service.IdempotencyKeyRetention retention;

    @Test
    void shouldRecordACreditWithLocationAndETag() {
        String learner = unique("learner");
        Response created = post(learner, UUID.randomUUID().toString(), aamaCredit("Infection control"));
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/credits/learners/" + learner + "/credits/"))
                .header("ETag", equalTo("\"1\""))
                .body("learnerId", equalTo(learner))
                .body("amount.value", equalTo(2))
                .body("amount.unit", equalTo("AAMA_CEU"))
                .body("categories[0].category", equalTo("CLINICAL"))
                .body("source", equalTo("LEARNER_REPORTED"))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1))
                .body("contactHourEquivalent", equalTo(2));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(id);
        given().auth().oauth2(Fixtures.learner(tokens, learner)).get(created.header("Location"))
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Infection control"));
    }

    @Test
    void shouldAnswerARetriedPostWithTheFirstCreditAndMakeOnlyOne() {
        String learner = unique("learner");
        String key = UUID.randomUUID().toString();
        Response answer = post(learner, key, aamaCredit("Retried")).then().statusCode(201).extract().response();
        String first = answer.path("id");
        Response again = post(learner, key, aamaCredit("Retried")).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith(first))
                .header("ETag", answer.header("ETag"))
                .body("id", equalTo(first)).extract().response();
        assertThat(again.jsonPath().getMap("")).isEqualTo(answer.jsonPath().getMap(""));
        assertThat(credits(learner)).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyWith422() {
        String learner = unique("learner");
        String key = UUID.randomUUID().toString();
        post(learner, key, aamaCredit("First")).then().statusCode(201);
        post(learner, key, aamaCredit("Second")).then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("Idempotency-Key"));
        assertThat(credits(learner)).isEqualTo(1);
    }

    @Test
    void shouldMakeOneCreditFromConcurrentIdenticalRequests() throws Exception {
        String learner = unique("learner");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> post(learner, key, aamaCredit("Concurrent")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                assertThat(answer.get().statusCode()).isEqualTo(201);
                ids.add(answer.get().path("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(credits(learner)).isEqualTo(1);
        assertThat(count(entityManager, "select count(*) from outbox_event where event_key = '" + learner + "'")).isEqualTo(1);
    }

    @Test
    void shouldForgetIdempotencyKeysAfterTheirRetention() {
        String learner = unique("learner");
        String key = UUID.randomUUID().toString();
        post(learner, key, aamaCredit("Old")).then().statusCode(201);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update idempotency_key set created_at = now() - interval '8 days' where learner_id = ?1")
                .setParameter(1, learner).executeUpdate());
        assertThat(retention.forgetExpired()).isGreaterThanOrEqualTo(1);
        assertThat(count(entityManager, "select count(*) from idempotency_key where learner_id = '" + learner + "'")).isZero();
    }

    @Test
    void shouldRequireAnIdempotencyKey() {
        String learner = unique("learner");
        given().auth().oauth2(Fixtures.learner(tokens, learner)).contentType(ContentType.JSON).body(aamaCredit("No key"))
                .post(path(learner)).then().statusCode(400).body("field", equalTo("Idempotency-Key"));
        assertThat(credits(learner)).isZero();
    }

    @Test
    void shouldRejectACompletionDateInTheFutureAndWriteNothing() {
        assertRejected(with(aamaCredit("Future"), "completedOn", LocalDate.now().plusDays(3).toString()), "completedOn");
    }

    @Test
    void shouldRejectCreditWithZeroOrNegativeAmount() {
        assertRejected(with(aamaCredit("Zero"), "amount", Map.of("value", 0, "unit", "AAMA_CEU")), "amount.value");
        assertRejected(with(aamaCredit("Negative"), "amount", Map.of("value", -2, "unit", "AAMA_CEU")), "amount.value");
    }

    @Test
    void shouldRejectASplitThatDoesNotAddUp() {
        assertRejected(with(aamaCredit("Split"), "categories", List.of(Map.of("category", "CLINICAL", "value", 1),
                Map.of("category", "GENERAL", "value", 0.5))), "categories");
    }

    @Test
    void shouldRejectUnknownUnitsAndCategories() {
        assertRejected(with(aamaCredit("Unit"), "amount", Map.of("value", 2, "unit", "POINTS")), "amount.unit");
        assertRejected(with(aamaCredit("Category"), "categories", List.of(Map.of("category", "SURGERY", "value", 2))),
                "categories[0].category");
        assertRejected(with(aamaCredit("Activity"), "activityType", "NAPPING"), "activityType");
    }

    @Test
    void shouldRejectContactMinutesThatContradictTheAmount() {
        assertRejected(with(aamaCredit("Too short"), "contactMinutes", 60), "contactMinutes");
    }

    @Test
    void shouldRejectOversizeTextAndMalformedEvidence() {
        assertRejected(with(aamaCredit("Long"), "title", "x".repeat(301)), "title");
        assertRejected(with(aamaCredit("Evidence"), "evidence", Map.of("sha256", "not-a-hash")), "evidence.sha256");
    }

    @Test
    void shouldKeepEvidenceMetadata() {
        String learner = unique("learner");
        String sha = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        post(learner, UUID.randomUUID().toString(), with(aamaCredit("With evidence"), "evidence",
                Map.of("issuer", "AAMA", "certificateNumber", "C-1", "fileName", "cert.pdf", "sha256", sha)))
                .then().statusCode(201)
                .body("evidence.certificateNumber", equalTo("C-1"))
                .body("evidence.sha256", equalTo(sha.toLowerCase()));
    }

    @Test
    void shouldRecordOneCourseCompletionOnceWhenRequestsWithDifferentKeysRace() throws Exception {
        String courseId = UUID.randomUUID().toString();
        Fixtures.publishCourse(entityManager, "CoursePublished", courseId, Fixtures.PROVIDER, 1, "PUBLISHED", null, true);
        String learner = unique("learner");
        Map<String, Object> body = Map.of("courseId", courseId, "completedOn", "2025-05-01");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> post(learner, UUID.randomUUID().toString(), body));
            }
            for (Future<Response> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        // the ledger's unique index decides the race the pre-check cannot: one 201, every other a 409, never a 500
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(credits(learner)).isEqualTo(1);
        assertThat(count(entityManager, "select count(*) from idempotency_key where learner_id = '" + learner + "'")).isEqualTo(1);
        assertThat(count(entityManager, "select count(*) from outbox_event where event_key = '" + learner + "'")).isEqualTo(1);
    }

    @Test
    void shouldTakeCreditSplitAndApprovalFromTheCatalogCourse() {
        String courseId = UUID.randomUUID().toString();
        Fixtures.publishCourse(entityManager, "CoursePublished", courseId, Fixtures.PROVIDER, 1, "PUBLISHED", null, true);
        String learner = unique("learner");
        Map<String, Object> body = Map.of("courseId", courseId, "completedOn", "2025-05-01");
        post(learner, UUID.randomUUID().toString(), body).then().statusCode(201)
                .body("courseId", equalTo(courseId))
                .body("amount.value", equalTo(2))
                .body("categories.category", hasItem("GENERAL"))
                .body("categories.find { it.category == 'CLINICAL' }.value", equalTo(1.5f))
                .body("approval", equalTo("AAMA"))
                .body("providerName", equalTo("AAMA e-Learning Center"))
                .body("activityType", equalTo("ONLINE_WORKSHOP"))
                .body("title", notNullValue());
        String location = post(learner, UUID.randomUUID().toString(), body).then().statusCode(409).extract().header("Location");
        assertThat(location).isNull();
        assertThat(credits(learner)).isEqualTo(1);
    }

    @Test
    void shouldLetOnlyAnAdminOverrideTheCreditACourseSets() {
        String courseId = UUID.randomUUID().toString();
        Fixtures.publishCourse(entityManager, "CoursePublished", courseId, Fixtures.PROVIDER, 1, "PUBLISHED", null, true);
        String learner = unique("learner");
        String location = post(learner, UUID.randomUUID().toString(), Map.of("courseId", courseId, "completedOn", "2025-05-01"))
                .then().statusCode(201).extract().header("Location");
        Map<String, Object> moreCredit = Map.of("reason", "more", "amount", Map.of("value", 3, "unit", "AAMA_CEU"),
                "categories", List.of(Map.of("category", "CLINICAL", "value", 3)), "contactMinutes", 150);
        given().auth().oauth2(Fixtures.learner(tokens, learner)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(moreCredit).post(location + "/corrections").then().statusCode(422).body("field", equalTo("amount"));
        given().auth().oauth2(Fixtures.learner(tokens, learner)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("reason", "same again", "completedOn", "2025-05-01")).post(location + "/corrections")
                .then().statusCode(422).body("field", equalTo("body"));
        given().auth().oauth2(Fixtures.admin(tokens)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(moreCredit).post(location + "/corrections").then().statusCode(200).body("amount.value", equalTo(3));
    }

    @Test
    void shouldRejectAMissingBodyNamingIt() {
        String learner = unique("learner");
        given().auth().oauth2(Fixtures.learner(tokens, learner)).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .post(path(learner)).then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
    }

    @Test
    void shouldRefuseAnUnknownCourseNamingCourseId() {
        String learner = unique("learner");
        post(learner, UUID.randomUUID().toString(), Map.of("courseId", UUID.randomUUID().toString(), "completedOn", "2025-05-01"))
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("courseId"));
        assertThat(credits(learner)).isZero();
    }

    @Test
    void shouldRefuseACourseRetiredBeforeTheCompletionDate() {
        String courseId = UUID.randomUUID().toString();
        Fixtures.publishCourse(entityManager, "CoursePublished", courseId, Fixtures.PROVIDER, 1, "PUBLISHED", null, true);
        Fixtures.publishCourse(entityManager, "CourseRetired", courseId, Fixtures.PROVIDER, 2, "RETIRED", LocalDate.of(2025, 3, 1), true);
        String learner = unique("learner");
        post(learner, UUID.randomUUID().toString(), Map.of("courseId", courseId, "completedOn", "2025-05-01"))
                .then().statusCode(422).body("field", equalTo("courseId")).body("detail", containsString("retired"));
        post(learner, UUID.randomUUID().toString(), Map.of("courseId", courseId, "completedOn", "2025-02-01"))
                .then().statusCode(201);
    }

    private void assertRejected(Map<String, Object> body, String field) {
        String learner = unique("learner");
        post(learner, UUID.randomUUID().toString(), body).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        assertThat(credits(learner)).isZero();
        assertThat(count(entityManager, "select count(*) from idempotency_key where learner_id = '" + learner + "'")).isZero();
    }

    private Response post(String learner, String key, Object body) {
        return given().auth().oauth2(Fixtures.learner(tokens, learner)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post(path(learner));
    }

    private long credits(String learner) {
        return count(entityManager, "select count(*) from credit where learner_id = '" + learner + "'");
    }

    static String path(String learner) {
        return "/api/v1/credits/learners/" + learner + "/credits";
    }
}
