package org.recert.compliance.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.recert.compliance.TestEvents.PATIENCE;
import static org.recert.compliance.TestEvents.aamaCredit;
import static org.recert.compliance.TestEvents.sendCredit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.devstack.test.PublishedSchemas;
import org.recert.platform.time.ServiceClock;
import org.recert.compliance.RecordedStatusChanges;
import org.recert.compliance.TestDatabase;
import org.recert.compliance.TestEvents;
import org.recert.contracts.ComplianceStatus;
import org.recert.devstack.test.TopicProbe;
import org.recert.platform.security.DevTokens;

/** Credits recorded in the credits service change statuses here, through credits.ledger.v1 on the real broker. */
@QuarkusTest
class CreditEventsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-01-15");

    @Inject
    DevTokens tokens;

    @Inject
    ServiceClock clock;

    @Inject
    TestDatabase database;

    @Inject
    RecordedStatusChanges changes;

    @Inject
    ObjectMapper json;

    private String learner;

    @BeforeEach
    void certifyALearner() {
        clock.moveTo(TODAY);
        learner = TestEvents.unique("events");
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("certifiedOn", "2022-02-10"))
                .put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner).then().statusCode(201);
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    private String token() {
        return tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5));
    }

    private JsonPath status() {
        return given().auth().oauth2(token()).queryParam("credential", "CMA_AAMA")
                .get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(200).extract().jsonPath();
    }

    private void awaitStatus(String status) {
        await().atMost(PATIENCE).until(() -> status.equals(database.storedStatus(learner, "CMA_AAMA")));
    }

    private void sendSixtyPoints() {
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-adm", learner, 1, "ACTIVE", "2024-01-10", "20", "ADMINISTRATIVE"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-cli", learner, 1, "ACTIVE", "2024-02-10", "20", "CLINICAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-gen", learner, 1, "ACTIVE", "2024-03-10", "20", "GENERAL"));
    }

    @Test
    void shouldBecomeCompliantWhenCreditsAreRecordedAndBackOnTrackWhenOneIsRevoked() throws Exception {
        assertThat(database.storedStatus(learner, "CMA_AAMA")).isEqualTo("ON_TRACK");

        sendSixtyPoints();
        awaitStatus("COMPLIANT");
        assertThat(status().getString("status")).isEqualTo("COMPLIANT");

        sendCredit(learner, "CreditRevoked", aamaCredit(learner + "-gen", learner, 2, "REVOKED", "2024-03-10", "20", "GENERAL"));
        awaitStatus("ON_TRACK");
        JsonPath after = status();
        assertThat(after.getString("requirements.find { it.code == 'TOTAL' }.shortfall")).isEqualTo("20");
        assertThat(after.getList("excluded.code", String.class)).containsExactly("REVOKED");

        // the three credits may arrive in separate batches: the standing events between them keep the status
        List<TopicProbe.Message> events = TopicProbe.readUntil(TestEvents.STATUS, PATIENCE, all -> statusChanges(all).size() >= 3);
        events = statusChanges(events);
        assertThat(events).extracting(m -> m.header("ce_type")).containsOnly("ComplianceStatusChanged");
        assertThat(events).extracting(m -> m.header("ce_source")).containsOnly("/recert/compliance");
        assertThat(events).allSatisfy(m -> assertThat(PublishedSchemas.problems("events/compliance.status.v1.schema.json", m.value())).isEmpty());
        List<String> transitions = events.stream().map(m -> read(m.value())).map(d -> d.path("oldStatus").asText() + ">"
                + d.path("newStatus").asText()).toList();
        assertThat(transitions).containsExactly("NO_CERTIFICATION>ON_TRACK", "ON_TRACK>COMPLIANT", "COMPLIANT>ON_TRACK");
        JsonNode last = read(events.get(2).value());
        assertThat(last.path("learnerId").asText()).isEqualTo(learner);
        assertThat(last.path("credential").asText()).isEqualTo("CMA_AAMA");
        assertThat(last.path("evaluation").path("status").asText()).isEqualTo("ON_TRACK");
        assertThat(last.path("evaluation").path("dueDate").asText()).isEqualTo("2027-02-28");
        assertThat(changes.of(learner)).extracting(c -> c.oldStatus() + ">" + c.newStatus())
                .containsExactly("NO_CERTIFICATION>ON_TRACK", "ON_TRACK>COMPLIANT", "COMPLIANT>ON_TRACK");
        assertThat(changes.of(learner).get(1).evaluation().status()).isEqualTo(ComplianceStatus.COMPLIANT);
    }

    @Test
    void shouldCountACorrectedCreditAsCorrectedAndIgnoreAnOlderVersion() {
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-c", learner, 1, "ACTIVE", "2024-01-10", "5", "CLINICAL"));
        sendCredit(learner, "CreditCorrected", aamaCredit(learner + "-c", learner, 2, "ACTIVE", "2024-01-10", "8", "GENERAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-c", learner, 1, "ACTIVE", "2024-01-10", "5", "CLINICAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-marker", learner, 1, "ACTIVE", "2024-01-11", "1", "CLINICAL"));

        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where credit_id = ?1",
                TestEvents.id(learner + "-marker").toString()) == 1);
        JsonPath status = status();
        assertThat(status.getString("requirements.find { it.code == 'GENERAL' }.earned")).isEqualTo("8");
        assertThat(status.getString("requirements.find { it.code == 'CLINICAL' }.earned")).isEqualTo("1");
        assertThat(database.count("select version from learner_credit where credit_id = ?1", TestEvents.id(learner + "-c").toString()))
                .isEqualTo(2);
    }

    @Test
    void shouldPublishNoEventWhenACreditChangesNeitherStatusNorStanding() {
        long before = database.count("select count(*) from outbox_event where event_key = ?1", learner);
        // employment never counts: the credit is stored and excluded, and what the learner must earn stays as it was
        sendCredit(learner, "CreditRecorded", TestEvents.credit(learner + "-job", learner, 1, "ACTIVE", "CONTINUED_EMPLOYMENT",
                "2024-01-10", "10", "CONTACT_HOUR", "CLINICAL", "NON_AAMA", 600, null));

        // the learner is evaluated in the transaction that stores the credit
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 1);
        assertThat(database.count("select count(*) from outbox_event where event_key = ?1", learner)).isEqualTo(before);
        assertThat(database.storedStatus(learner, "CMA_AAMA")).isEqualTo("ON_TRACK");
    }

    @Test
    void shouldPublishNoEventWhenACreditOnlyAddsToRequirementsAlreadyMet() {
        sendSixtyPoints();
        awaitStatus("COMPLIANT");
        long before = database.count("select count(*) from outbox_event where event_key = ?1", learner);
        // every requirement is met: five more clinical points change nothing the learner must still do
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-more", learner, 1, "ACTIVE", "2024-04-10", "5", "CLINICAL"));

        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 4);
        assertThat(database.count("select count(*) from outbox_event where event_key = ?1", learner)).isEqualTo(before);
    }

    @Test
    void shouldExplainWhyEmploymentAndAShortNonAamaActivityDoNotCount() {
        sendCredit(learner, "CreditRecorded", TestEvents.credit(learner + "-job", learner, 1, "ACTIVE", "CONTINUED_EMPLOYMENT",
                "2024-01-10", "10", "CONTACT_HOUR", "CLINICAL", "NON_AAMA", 600, null));
        sendCredit(learner, "CreditRecorded", TestEvents.credit(learner + "-short", learner, 1, "ACTIVE", "SEMINAR",
                "2024-01-11", "1", "CONTACT_HOUR", "GENERAL", "NON_AAMA", 45, null));

        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 2);
        given().auth().oauth2(token()).queryParam("credential", "CMA_AAMA").get("/api/v1/compliance/learners/{id}/status", learner)
                .then().statusCode(200)
                .body("excluded.find { it.creditId == '" + TestEvents.id(learner + "-job") + "' }.reason", equalTo(
                        "Employment does not count toward CMA (AAMA) recertification: only continuing education does."))
                .body("excluded.code", hasItem("SHORTER_THAN_CONTACT_HOUR"));
    }

    @Test
    void shouldParkACreditThatCanNeverBeEvaluatedInTheDeadLetterTopicAndGoOn() {
        String poison = TestEvents.credit(learner + "-poison", learner, 1, "ACTIVE", "SEMINAR", "2024-01-10", "2", "PARSEC",
                "GENERAL", "NON_AAMA", 100, null);
        String unbalanced = aamaCredit(learner + "-unbalanced", learner, 1, "ACTIVE", "2024-01-10", "2", "GENERAL")
                .replace("\"value\":2,\"unit\"", "\"value\":3,\"unit\"");
        sendCredit(learner, "CreditRecorded", poison);
        sendCredit(learner, "CreditRecorded", unbalanced);
        // same key, same partition: the marker is read after both
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-after", learner, 1, "ACTIVE", "2024-01-11", "1", "GENERAL"));

        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where credit_id = ?1",
                TestEvents.id(learner + "-after").toString()) == 1);
        assertThat(database.count("select count(*) from learner_credit where learner_id = ?1", learner)).isEqualTo(1);
        List<TopicProbe.Message> parked = TopicProbe.readUntil(TestEvents.CREDITS + ".dlq", PATIENCE,
                all -> all.stream().filter(m -> learner.equals(m.key())).count() >= 2);
        assertThat(parked).filteredOn(m -> learner.equals(m.key())).extracting(m -> m.header("recert-dlq-error"))
                .anySatisfy(error -> assertThat(error).contains("/amount/unit"))
                .anySatisfy(error -> assertThat(error).contains("add up to 2"));
    }

    @Test
    void shouldRebuildTheProjectionsFromTheTopicsToTheSameState() {
        sendSixtyPoints();
        sendCredit(learner, "CreditRevoked", aamaCredit(learner + "-adm", learner, 2, "REVOKED", "2024-01-10", "20", "ADMINISTRATIVE"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-adm2", learner, 1, "ACTIVE", "2024-04-10", "20", "ADMINISTRATIVE"));
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 4
                && database.count("select count(*) from learner_credit where credit_id = ?1 and version = 2",
                        TestEvents.id(learner + "-adm").toString()) == 1);
        awaitStatus("COMPLIANT");
        List<Object> credits = database.rows("""
                select credit_id, learner_id, version, status, activity_type, completed_on, amount, unit, categories::text, approval,
                       contact_minutes, course_id from learner_credit order by credit_id""");
        List<Object> courses = database.rows("select course_id, version, status, fee, categories::text from catalog_course order by 1");
        List<Object> statuses = database.rows("select status, evaluation::text, next_change_on from learner_status where learner_id = ?1",
                learner);
        long events = database.count("select count(*) from outbox_event where event_key = ?1", learner);

        String admin = tokens.mint("ops", Set.of("admin"), null, null, Duration.ofMinutes(5));
        given().auth().oauth2(admin).post("/api/v1/compliance/admin/projections/rebuild").then().statusCode(202)
                .body("requestedBy", equalTo("ops"));
        given().auth().oauth2(admin).post("/api/v1/compliance/admin/projections/rebuild").then().statusCode(409);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(given().auth().oauth2(admin)
                .get("/api/v1/compliance/admin/projections/rebuild").then().statusCode(200).extract().path("state")));

        assertThat(database.rows("""
                select credit_id, learner_id, version, status, activity_type, completed_on, amount, unit, categories::text, approval,
                       contact_minutes, course_id from learner_credit order by credit_id""")).isEqualTo(credits);
        assertThat(database.rows("select course_id, version, status, fee, categories::text from catalog_course order by 1"))
                .isEqualTo(courses);
        assertThat(database.rows("select status, evaluation::text, next_change_on from learner_status where learner_id = ?1", learner))
                .isEqualTo(statuses);
        assertThat(database.count("select count(*) from outbox_event where event_key = ?1", learner)).isEqualTo(events);
    }

    @Test
    void shouldApplyABurstOfCreditsAndTheirVersionsAsIfOneByOne() {
        // sent back to back on one key, so most of them reach the consumer in one poll and are written together
        for (int i = 0; i < 20; i++) {
            sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-b" + i, learner, 1, "ACTIVE", "2024-01-10", "1", "GENERAL"));
        }
        sendCredit(learner, "CreditRevoked", aamaCredit(learner + "-b0", learner, 2, "REVOKED", "2024-01-10", "1", "GENERAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-b0", learner, 1, "ACTIVE", "2024-01-10", "1", "GENERAL"));
        sendCredit(learner, "CreditCorrected", aamaCredit(learner + "-b1", learner, 3, "ACTIVE", "2024-01-10", "3", "GENERAL"));
        sendCredit(learner, "CreditCorrected", aamaCredit(learner + "-b1", learner, 2, "ACTIVE", "2024-01-10", "2", "GENERAL"));
        String other = learner + "-other";
        sendCredit(learner, "CreditCorrected", aamaCredit(learner + "-b2", other, 2, "ACTIVE", "2024-01-10", "1", "GENERAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-marker", learner, 1, "ACTIVE", "2024-01-11", "1", "CLINICAL"));

        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where credit_id = ?1",
                TestEvents.id(learner + "-marker").toString()) == 1);
        assertThat(database.rows("select status, version from learner_credit where credit_id = ?1", TestEvents.id(learner + "-b0").toString()))
                .containsExactly("[REVOKED, 2]");
        assertThat(database.rows("select version, amount::text from learner_credit where credit_id = ?1",
                TestEvents.id(learner + "-b1").toString())).containsExactly("[3, 3.0000]");
        assertThat(database.count("select count(*) from learner_credit where learner_id = ?1", other)).isEqualTo(1);
        assertThat(database.count("select count(*) from learner_credit where learner_id = ?1", learner)).isEqualTo(20);
        // 20 credits of 1 and the marker of 1: b0 revoked (-1), b1 corrected to 3 (+2), b2 moved to another learner (-1)
        awaitStatusEarned("TOTAL", "21");
        assertThat(status().getString("requirements.find { it.code == 'CLINICAL' }.earned")).isEqualTo("1");
    }

    private void awaitStatusEarned(String code, String earned) {
        await().atMost(PATIENCE).until(() -> earned.equals(status().getString("requirements.find { it.code == '" + code + "' }.earned")));
    }

    @Test
    void shouldPublishTheNewStandingWhenACreditLeavesTheStatusAsItWas() {
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-c", learner, 1, "ACTIVE", "2024-01-10", "5", "CLINICAL"));

        List<TopicProbe.Message> mine = TopicProbe.readUntil(TestEvents.STATUS, PATIENCE,
                all -> all.stream().filter(m -> learner.equals(m.key())).count() >= 2).stream().filter(m -> learner.equals(m.key())).toList();
        JsonNode standing = read(mine.get(1).value());
        assertThat(standing.path("oldStatus").asText()).isEqualTo("ON_TRACK");
        assertThat(standing.path("newStatus").asText()).isEqualTo("ON_TRACK");
        assertThat(earned(standing, "CLINICAL")).isEqualTo("5");
        assertThat(earned(standing, "TOTAL")).isEqualTo("5");
        // what each requirement asks for travels as codes, so a consumer can word it in the learner's language
        assertThat(requirement(standing, "TOTAL").path("kind").asText()).isEqualTo("TOTAL");
        JsonNode clinical = requirement(standing, "CLINICAL");
        assertThat(clinical.path("kind").asText()).isEqualTo("CATEGORY_MINIMUM");
        assertThat(clinical.path("category").asText()).isEqualTo("CLINICAL");
        assertThat(clinical.path("shortfall").decimalValue()).isEqualByComparingTo("5");
        JsonNode approved = requirement(standing, "AAMA_APPROVED");
        assertThat(approved.path("kind").asText()).isEqualTo("APPROVED_MINIMUM");
        assertThat(approved.path("approvingBody").asText()).isEqualTo("AAMA");
        assertThat(approved.has("category")).isFalse();
        assertThat(PublishedSchemas.problems("events/compliance.status.v1.schema.json", mine.get(1).value())).isEmpty();
        assertThat(changes.of(learner)).as("webhooks only for a new status").hasSize(1);
    }

    private String earned(JsonNode event, String code) {
        return requirement(event, code).path("earned").decimalValue().stripTrailingZeros().toPlainString();
    }

    private static JsonNode requirement(JsonNode event, String code) {
        for (JsonNode requirement : event.path("evaluation").path("requirements")) {
            if (code.equals(requirement.path("code").asText())) {
                return requirement;
            }
        }
        throw new AssertionError("no requirement " + code + " in " + event);
    }

    /** This learner's events that changed the status (not those that only carried a new standing). */
    private List<TopicProbe.Message> statusChanges(List<TopicProbe.Message> all) {
        return all.stream().filter(m -> learner.equals(m.key())).filter(m -> {
            JsonNode data = read(m.value());
            return !data.path("oldStatus").asText().equals(data.path("newStatus").asText());
        }).toList();
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
