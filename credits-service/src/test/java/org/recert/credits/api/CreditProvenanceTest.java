package org.recert.credits.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.recert.credits.Fixtures.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recert.credits.Fixtures;
import org.recert.devstack.test.PublishedSchemas;
import org.recert.devstack.test.TopicProbe;
import org.recert.platform.security.DevTokens;

/** Every credit says who vouches for it, and a learner's change to a provider's report is the learner's word. */
@QuarkusTest
class CreditProvenanceTest {

    private static final Map<String, Object> EVIDENCE = Map.of("issuer", "AAMA e-Learning Center", "certificateNumber", "C-2025-0042");

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void shouldCallALearnersAamaCreditWithoutCourseOrEvidenceSelfReportedAndOneWithEvidenceEvidenceAttached() {
        String learner = unique("learner");

        record(learner, Fixtures.aamaCredit("My word")).body("approval", equalTo("AAMA")).body("source", equalTo("LEARNER_REPORTED"))
                .body("verification", equalTo("SELF_REPORTED"));
        record(learner, Fixtures.with(Fixtures.aamaCredit("With certificate"), "evidence", EVIDENCE))
                .body("verification", equalTo("EVIDENCE_ATTACHED"));
    }

    @Test
    void shouldMakeALearnersCorrectionOfAProviderReportSelfReportedInTheApiAndTheEvent() throws Exception {
        String learner = unique("learner");
        String course = UUID.randomUUID().toString();
        Fixtures.publishCourse(entityManager, "CoursePublished", course, Fixtures.PROVIDER, 1, "PUBLISHED", null, true);
        String creditId = given().auth().oauth2(Fixtures.provider(tokens, Fixtures.PROVIDER)).contentType(ContentType.JSON)
                .body(List.of(Map.of("courseId", course, "learnerId", learner, "completedOn", "2025-05-01")))
                .post("/api/v1/credits/completion-reports").then().statusCode(200).body("accepted", equalTo(1))
                .extract().path("rows[0].creditId");
        String location = CreditRecordingTest.path(learner) + "/" + creditId;
        as(learner).get(location).then().statusCode(200).body("verification", equalTo("PROVIDER_REPORTED"));

        as(learner).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("reason", "I finished a day later", "completedOn", "2025-05-02")).post(location + "/corrections")
                .then().statusCode(200)
                .body("source", equalTo("PROVIDER_REPORTED"))
                .body("verification", equalTo("SELF_REPORTED"));
        as(learner).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("reason", "Certificate found", "evidence", EVIDENCE)).post(location + "/corrections")
                .then().statusCode(200).body("verification", equalTo("EVIDENCE_ATTACHED"));

        List<TopicProbe.Message> events = TopicProbe.readUntil("credits.ledger.v1", Fixtures.PATIENCE,
                all -> all.stream().filter(m -> learner.equals(m.key())).count() >= 3)
                .stream().filter(m -> learner.equals(m.key())).toList();
        List<String> verifications = new java.util.ArrayList<>();
        for (TopicProbe.Message event : events) {
            assertThat(PublishedSchemas.problems("events/credits.ledger.v1.schema.json", event.value())).isEmpty();
            JsonNode data = objectMapper.readTree(event.value());
            verifications.add(data.path("verification").asText());
        }
        assertThat(verifications).containsExactly("PROVIDER_REPORTED", "SELF_REPORTED", "EVIDENCE_ATTACHED");
    }

    private io.restassured.response.ValidatableResponse record(String learner, Map<String, Object> body) {
        return as(learner).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(body)
                .post(CreditRecordingTest.path(learner)).then().statusCode(201);
    }

    private io.restassured.specification.RequestSpecification as(String learner) {
        return given().auth().oauth2(Fixtures.learner(tokens, learner));
    }
}
