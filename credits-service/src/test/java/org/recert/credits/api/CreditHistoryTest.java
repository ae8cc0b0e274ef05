package org.recert.credits.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.recert.credits.Fixtures.aamaCredit;
import static org.recert.credits.Fixtures.count;
import static org.recert.credits.Fixtures.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.recert.devstack.test.PublishedSchemas;
import org.recert.credits.Fixtures;
import org.recert.devstack.test.TopicProbe;
import org.recert.platform.security.DevTokens;

@QuarkusTest
class CreditHistoryTest {

    private static final Map<String, Object> MORE_CEUS = Map.of("reason", "The certificate shows 3 CEUs",
            "amount", Map.of("value", 3, "unit", "AAMA_CEU"), "categories", List.of(Map.of("category", "CLINICAL", "value", 3)),
            "contactMinutes", 180);

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void shouldCorrectACreditAsANewVersionAndKeepTheOldOne() {
        String learner = unique("learner");
        String location = record(learner);

        as(learner).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(MORE_CEUS)
                .post(location + "/corrections")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("amount.value", equalTo(3)).body("reason", equalTo("The certificate shows 3 CEUs"))
                .body("title", equalTo("Original"));

        as(learner).get(location).then().statusCode(200).header("ETag", "\"2\"").body("amount.value", equalTo(3));
        as(learner).queryParam("versions", "all").get(location).then().statusCode(200)
                .body("currentVersion", equalTo(2))
                .body("versions.version", contains(1, 2))
                .body("versions.amount.value", contains(2, 3));
    }

    @Test
    void shouldRequireIfMatchAndRefuseAStaleVersion() {
        String learner = unique("learner");
        String location = record(learner);
        as(learner).contentType(ContentType.JSON).body(MORE_CEUS).post(location + "/corrections").then().statusCode(428);
        as(learner).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(MORE_CEUS).post(location + "/corrections")
                .then().statusCode(200);
        as(learner).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(MORE_CEUS).post(location + "/corrections")
                .then().statusCode(412).contentType("application/problem+json");
        as(learner).header("If-Match", "\"1\"").queryParam("reason", "duplicate").delete(location).then().statusCode(412);
        as(learner).queryParam("reason", "duplicate").delete(location).then().statusCode(428);
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentCorrectionsOfTheSameVersionWin() throws Exception {
        String learner = unique("learner");
        String location = record(learner);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String title = "Concurrent " + i;
                calls.add(() -> as(learner).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                        .body(Map.of("reason", "race", "title", title)).post(location + "/corrections").statusCode());
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 412);
        } finally {
            pool.shutdownNow();
        }
        as(learner).queryParam("versions", "all").get(location).then().body("versions.version", contains(1, 2));
    }

    @Test
    void shouldRejectAnInvalidCorrectionAndWriteNothing() {
        String learner = unique("learner");
        String location = record(learner);
        as(learner).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("reason", "wrong split", "categories", List.of(Map.of("category", "CLINICAL", "value", 1))))
                .post(location + "/corrections")
                .then().statusCode(400).body("field", equalTo("categories"));
        as(learner).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("title", "no reason"))
                .post(location + "/corrections")
                .then().statusCode(400).body("field", equalTo("reason"));
        assertThat(count(entityManager, "select count(*) from credit_version v join credit c on c.id = v.credit_id where c.learner_id = '"
                + learner + "'")).isEqualTo(1);
    }

    @Test
    void shouldRevokeWithAReasonAndKeepEveryVersion() {
        String learner = unique("learner");
        String location = record(learner);
        as(learner).header("If-Match", "\"1\"").delete(location).then().statusCode(400).body("field", equalTo("reason"));
        as(learner).header("If-Match", "\"1\"").queryParam("reason", "Entered twice").delete(location)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("REVOKED")).body("reason", equalTo("Entered twice")).body("version", equalTo(2));
        as(learner).header("If-Match", "\"2\"").queryParam("reason", "again").delete(location).then().statusCode(409);
        as(learner).header("If-Match", "\"2\"").contentType(ContentType.JSON).body(MORE_CEUS).post(location + "/corrections")
                .then().statusCode(409);
        as(learner).queryParam("versions", "all").get(location).then().statusCode(200)
                .body("versions.status", contains("ACTIVE", "REVOKED"));
    }

    @Test
    void shouldNeverUpdateOrDeleteAStoredVersion() {
        String learner = unique("learner");
        record(learner);
        Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery("update credit_version set title = 'forged' where learner_id = ?1")
                        .setParameter(1, learner).executeUpdate()));
        assertThat(rootMessage(refused)).contains("append-only");
    }

    @Test
    void shouldPublishTheRecordTheCorrectionAndTheRevocationInOrder() throws Exception {
        String learner = unique("learner");
        String location = record(learner);
        as(learner).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(MORE_CEUS).post(location + "/corrections")
                .then().statusCode(200);
        as(learner).header("If-Match", "\"2\"").queryParam("reason", "Entered twice").delete(location).then().statusCode(200);

        List<TopicProbe.Message> events = TopicProbe.readUntil("credits.ledger.v1", Fixtures.PATIENCE,
                all -> all.stream().filter(m -> learner.equals(m.key())).count() >= 3)
                .stream().filter(m -> learner.equals(m.key())).toList();

        assertThat(events).extracting(m -> m.header("ce_type")).containsExactly("CreditRecorded", "CreditCorrected", "CreditRevoked");
        assertThat(events).allSatisfy(m -> {
            assertThat(m.header("ce_specversion")).isEqualTo("1.0");
            assertThat(m.header("ce_source")).isEqualTo("/recert/credits");
            assertThat(PublishedSchemas.problems("events/credits.ledger.v1.schema.json", m.value())).as("schema problems of " + m.value()).isEmpty();
        });
        JsonNode revoked = objectMapper.readTree(events.get(2).value());
        assertThat(revoked.path("version").asInt()).isEqualTo(3);
        assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.path("amount").path("value").decimalValue()).isEqualByComparingTo("3");
        assertThat(revoked.path("learnerId").asText()).isEqualTo(learner);
        for (String field : List.of("id", "learnerId", "activityType", "title", "providerName", "courseId", "completedOn", "amount",
                "categories", "approval", "contactMinutes", "evidence", "source", "verification", "status", "version", "recordedAt",
                "reason")) {
            assertThat(revoked.has(field)).as("event field " + field).isTrue();
        }
        assertThat(objectMapper.readTree(events.get(1).value()).path("version").asInt()).isEqualTo(2);
    }

    private String record(String learner) {
        return as(learner).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(aamaCredit("Original")).post(CreditRecordingTest.path(learner))
                .then().statusCode(201).extract().header("Location");
    }

    private RequestSpecification as(String learner) {
        return given().auth().oauth2(Fixtures.learner(tokens, learner));
    }

    private static String rootMessage(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
