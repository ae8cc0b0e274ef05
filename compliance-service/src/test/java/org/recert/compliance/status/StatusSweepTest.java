package org.recert.compliance.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recert.platform.time.ServiceClock;
import org.recert.compliance.RecordedStatusChanges;
import org.recert.compliance.TestDatabase;
import org.recert.compliance.TestEvents;
import org.recert.devstack.test.TopicProbe;
import org.recert.platform.security.DevTokens;

/** Time alone moves statuses: the sweep keeps the stored ones and their events true, with no new credit. */
@QuarkusTest
class StatusSweepTest {

    @Inject
    DevTokens tokens;

    @Inject
    ServiceClock clock;

    @Inject
    StatusSweep sweep;

    @Inject
    TestDatabase database;

    @Inject
    RecordedStatusChanges changes;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    private void certify(String learner, String day) {
        given().auth().oauth2(tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5))).contentType(ContentType.JSON)
                .body(Map.of("certifiedOn", day)).put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(201);
    }

    private String sweepOn(String day, String learner) {
        clock.moveTo(LocalDate.parse(day));
        assertThat(sweep.sweep().ran()).isTrue();
        return database.storedStatus(learner, "CMA_AAMA");
    }

    @Test
    void shouldMoveAnIdleLearnerFromOnTrackToAtRiskToGraceToLapsedWithAnEventEachTime() {
        String learner = TestEvents.unique("idle");
        clock.moveTo(LocalDate.parse("2026-01-15"));
        certify(learner, "2022-02-10");
        assertThat(database.rows("select next_change_on from learner_status where learner_id = ?1", learner))
                .containsExactly("2026-09-01");

        assertThat(sweepOn("2026-08-31", learner)).isEqualTo("ON_TRACK");
        assertThat(sweepOn("2026-09-01", learner)).isEqualTo("AT_RISK");
        assertThat(sweepOn("2027-02-28", learner)).isEqualTo("AT_RISK");
        assertThat(sweepOn("2027-03-01", learner)).isEqualTo("GRACE");
        assertThat(sweepOn("2027-05-29", learner)).isEqualTo("GRACE");
        assertThat(sweepOn("2027-05-30", learner)).isEqualTo("LAPSED");
        assertThat(database.rows("select next_change_on from learner_status where learner_id = ?1", learner)).containsExactly("null");

        List<TopicProbe.Message> events = TestEvents.statusEvents(learner, 4);
        assertThat(events).extracting(m -> transition(m.value()))
                .containsExactly("NO_CERTIFICATION>ON_TRACK", "ON_TRACK>AT_RISK", "AT_RISK>GRACE", "GRACE>LAPSED");
        assertThat(changes.of(learner)).extracting(c -> c.newStatus().name())
                .containsExactly("ON_TRACK", "AT_RISK", "GRACE", "LAPSED");
    }

    private String transition(String value) {
        try {
            JsonNode data = json.readTree(value);
            return data.path("oldStatus").asText() + ">" + data.path("newStatus").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldReevaluateOnlyTheLearnersWhoseStatusCanChangeByThatDay() {
        String due = TestEvents.unique("due");
        String notDue = TestEvents.unique("not-due");
        clock.moveTo(LocalDate.parse("2026-01-15"));
        certify(due, "2021-09-01");
        certify(notDue, "2025-06-01");
        List<Object> untouched = database.rows("select evaluated_on, evaluated_at from learner_status where learner_id = ?1", notDue);

        assertThat(sweepOn("2026-04-03", due)).isEqualTo("AT_RISK");

        assertThat(database.rows("select evaluated_on, evaluated_at from learner_status where learner_id = ?1", notDue))
                .isEqualTo(untouched);
        assertThat(database.rows("select evaluated_on from learner_status where learner_id = ?1", due)).containsExactly("2026-04-03");
    }

    @Test
    void shouldLeaveTheSweepToTheReplicaHoldingTheLock() {
        clock.moveTo(LocalDate.parse("2026-01-15"));
        StatusSweep.SweepResult result = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) held").setParameter(1, StatusSweep.LOCK_KEY).getSingleResult();
            return sweep.sweep();
        });

        assertThat(result.ran()).isFalse();
        assertThat(sweep.sweep().ran()).isTrue();
    }

    @Test
    void shouldLetAnAdminRunTheSweep() {
        clock.moveTo(LocalDate.parse("2026-01-15"));
        given().auth().oauth2(tokens.mint("ops", Set.of("admin"), null, null, Duration.ofMinutes(5)))
                .post("/api/v1/compliance/admin/status-sweep").then().statusCode(200)
                .body("day", org.hamcrest.Matchers.equalTo("2026-01-15"));
    }
}
