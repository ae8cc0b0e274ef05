package org.recert.compliance.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.recert.compliance.TestEvents.PATIENCE;
import static org.recert.compliance.TestEvents.aamaCredit;
import static org.recert.compliance.TestEvents.sendCredit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.platform.time.ServiceClock;
import org.recert.compliance.RecordedStatusChanges;
import org.recert.compliance.TestDatabase;
import org.recert.compliance.TestEvents;
import org.recert.devstack.test.TopicProbe;
import org.recert.platform.events.IncomingEvent;
import org.recert.platform.security.DevTokens;

/**
 * No status event and no webhook come from a projection under rebuild: the certification refresh, the sweep and the
 * credit events hold, and the rebuild that completes publishes the true status once. A rebuild whose replay stalls fails
 * visibly, and statuses stay held, instead of completing on partial data.
 */
@QuarkusTest
class RebuildHoldsStatusesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-01-15");
    /** A partition whose noted end is never reached by itself: the rebuild stays running as long as the test wants. */
    private static final TopicPartition STALLED = new TopicPartition("test.rebuild.v1", 0);

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    TestDatabase database;

    @Inject
    DevTokens tokens;

    @Inject
    ServiceClock clock;

    @Inject
    RecordedStatusChanges changes;

    private String learner;
    private Long stalledRebuild;

    @BeforeEach
    void certifyALearner() {
        clock.moveTo(TODAY);
        learner = TestEvents.unique("held");
        certify("2022-02-10").statusCode(201);
        assertThat(database.storedStatus(learner, "CMA_AAMA")).isEqualTo("ON_TRACK");
    }

    @AfterEach
    void endTheRebuildAndReleaseTheClock() {
        clock.reset();
        if (stalledRebuild != null) {
            database.update("update projection_rebuild set completed_at = now() where id = ?1 and completed_at is null", stalledRebuild);
        }
    }

    @Test
    void shouldPublishNothingWhileARebuildRunsAndTheTrueStatusOnceItCompletes() {
        stalledRebuild = startStalledRebuild("now()");

        sendSixtyPoints();
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 3);
        certify("2022-03-10").statusCode(201);
        clock.moveTo(LocalDate.parse("2026-09-02"));
        given().auth().oauth2(admin()).post("/api/v1/compliance/admin/status-sweep").then().statusCode(200).body("ran", equalTo(false));
        clock.moveTo(TODAY);

        assertThat(statusEvents()).as("nothing published from the half-rebuilt projection").isEqualTo(1);
        assertThat(changes.of(learner)).as("no webhook either").hasSize(1);
        assertThat(database.storedStatus(learner, "CMA_AAMA")).isEqualTo("ON_TRACK");

        rebuild.onAssigned(Set.of(STALLED));
        QuarkusTransaction.requiringNew().run(() -> rebuild.track(new IncomingEvent(TestEvents.unique("event"), "CourseUpdated",
                "/test", null, STALLED.topic(), "key", STALLED.partition(), 4, null, JsonNodeFactory.instance.objectNode())));

        assertThat(database.count("select count(*) from projection_rebuild where id = ?1 and completed_at is not null", stalledRebuild))
                .isEqualTo(1);
        assertThat(database.storedStatus(learner, "CMA_AAMA")).isEqualTo("COMPLIANT");
        assertThat(statusEvents()).as("the true status, once").isEqualTo(2);
        assertThat(changes.of(learner)).extracting(c -> c.oldStatus() + ">" + c.newStatus())
                .containsExactly("NO_CERTIFICATION>ON_TRACK", "ON_TRACK>COMPLIANT");
    }

    @Test
    void shouldFailAStalledRebuildVisiblyAndHoldStatusesUntilARebuildCompletes() {
        stalledRebuild = startStalledRebuild("now() - interval '1 hour'");

        rebuild.failStalled();

        given().auth().oauth2(admin()).get("/api/v1/compliance/admin/projections/rebuild").then().statusCode(200)
                .body("id", equalTo(stalledRebuild.intValue()))
                .body("state", equalTo("FAILED"))
                .body("completedAt", nullValue())
                .body("failure", containsString("did not reach the end of test.rebuild.v1-0"));
        sendSixtyPoints();
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 3);
        assertThat(statusEvents()).as("a failed rebuild leaves a projection nobody may publish from").isEqualTo(1);
        assertThat(database.storedStatus(learner, "CMA_AAMA")).isEqualTo("ON_TRACK");

        given().auth().oauth2(admin()).post("/api/v1/compliance/admin/projections/rebuild").then().statusCode(202);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(given().auth().oauth2(admin())
                .get("/api/v1/compliance/admin/projections/rebuild").then().statusCode(200).extract().path("state")));

        assertThat(database.storedStatus(learner, "CMA_AAMA")).isEqualTo("COMPLIANT");
        assertThat(statusEvents()).isEqualTo(2);
    }

    @Test
    void shouldCompleteARebuildWhoseLastRecordOfAPartitionGoesToTheDeadLetterTopic() {
        String poison = TestEvents.credit(learner + "-poison", learner, 1, "ACTIVE", "SEMINAR", "2024-01-10", "2", "PARSEC",
                "GENERAL", "NON_AAMA", 100, null);
        // the last record of its partition: nothing is sent after it while the rebuild runs
        sendCredit(learner, "CreditRecorded", poison);
        TopicProbe.readUntil(TestEvents.CREDITS + ".dlq", PATIENCE, all -> all.stream().anyMatch(m -> learner.equals(m.key())));

        given().auth().oauth2(admin()).post("/api/v1/compliance/admin/projections/rebuild").then().statusCode(202);

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(given().auth().oauth2(admin())
                .get("/api/v1/compliance/admin/projections/rebuild").then().statusCode(200).extract().path("state")));
    }

    /** A running rebuild as another replica would have left it, waiting for a partition that nobody replays. */
    private long startStalledRebuild(String requestedAt) {
        long id = database.count("insert into projection_rebuild (requested_at, requested_by) values (" + requestedAt
                + ", 'test') returning id");
        database.update("""
                insert into projection_rebuild_partition (rebuild_id, topic, partition, end_offset, reached)
                values (?1, ?2, ?3, 5, false)""", id, STALLED.topic(), STALLED.partition());
        return id;
    }

    private long statusEvents() {
        return database.count("select count(*) from outbox_event where event_key = ?1 and topic = 'compliance.status.v1'", learner);
    }

    private void sendSixtyPoints() {
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-adm", learner, 1, "ACTIVE", "2024-01-10", "20", "ADMINISTRATIVE"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-cli", learner, 1, "ACTIVE", "2024-02-10", "20", "CLINICAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-gen", learner, 1, "ACTIVE", "2024-03-10", "20", "GENERAL"));
    }

    private io.restassured.response.ValidatableResponse certify(String day) {
        return given().auth().oauth2(tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5)))
                .contentType(ContentType.JSON).body(Map.of("certifiedOn", day))
                .put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner).then();
    }

    private String admin() {
        return tokens.mint("ops", Set.of("admin"), null, null, Duration.ofMinutes(5));
    }
}
