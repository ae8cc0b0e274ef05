package org.recert.compliance.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.recert.compliance.TestEvents.PATIENCE;
import static org.recert.compliance.TestEvents.aamaCredit;
import static org.recert.compliance.TestEvents.sendCredit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.recert.compliance.TestDatabase;
import org.recert.compliance.TestEvents;
import org.recert.platform.events.IncomingEvent;
import org.recert.platform.security.DevTokens;

/**
 * A rebuild started by another replica: this instance sees the running rebuild's row and replays its own
 * partitions, and a partition counts as reached only where it was read from its beginning for the rebuild.
 */
@QuarkusTest
class RebuildAcrossReplicasTest {

    private static final String OTHER_TOPIC = "test.rebuild.v1";

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    TestDatabase database;

    @Inject
    DevTokens tokens;

    @Test
    void shouldReplayThisReplicasPartitionsForARebuildThatAnotherReplicaStarted() {
        String learner = TestEvents.unique("follow");
        given().auth().oauth2(tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5)))
                .contentType(ContentType.JSON).body(Map.of("certifiedOn", "2022-02-10"))
                .put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner).then().statusCode(201);
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-adm", learner, 1, "ACTIVE", "2024-01-10", "20", "ADMINISTRATIVE"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-cli", learner, 1, "ACTIVE", "2024-02-10", "20", "CLINICAL"));
        sendCredit(learner, "CreditCorrected", aamaCredit(learner + "-cli", learner, 2, "ACTIVE", "2024-02-10", "25", "CLINICAL"));
        await().atMost(PATIENCE).until(() -> database.count("""
                select count(*) from learner_credit where learner_id = ?1 and (credit_id <> ?2 or version = 2)""",
                learner, TestEvents.id(learner + "-cli").toString()) == 2);
        List<Object> credits = database.rows("""
                select credit_id, version, amount, categories::text from learner_credit where learner_id = ?1 order by 1""", learner);
        List<Object> status = database.rows("select status, evaluation::text from learner_status where learner_id = ?1", learner);

        // what the replica that took the POST does; nobody asks this instance's consumer to replay
        long id = rebuild.begin("another-replica");

        await().atMost(PATIENCE).until(() -> database.count(
                "select count(*) from projection_rebuild where id = ?1 and completed_at is not null", id) == 1);
        assertThat(database.count("select count(*) from projection_rebuild_partition where rebuild_id = ?1 and not reached", id))
                .isZero();
        assertThat(database.rows("""
                select credit_id, version, amount, categories::text from learner_credit where learner_id = ?1 order by 1""", learner))
                .as("credits replayed by this instance").isEqualTo(credits);
        assertThat(database.rows("select status, evaluation::text from learner_status where learner_id = ?1", learner))
                .isEqualTo(status);
    }

    @Test
    void shouldCountAPartitionAsReachedOnlyWhereItWasReadFromItsBeginningForTheRebuild() {
        long id = database.count("insert into projection_rebuild (requested_at, requested_by) values (now(), 'test') returning id");
        try {
            database.update("""
                    insert into projection_rebuild_partition (rebuild_id, topic, partition, end_offset, reached)
                    values (?1, ?2, 0, 5, false), (?1, ?2, 1, 5, true), (?1, ?2, 2, 5, false)""", id, OTHER_TOPIC);
            TopicPartition unreached = new TopicPartition(OTHER_TOPIC, 0);
            TopicPartition reached = new TopicPartition(OTHER_TOPIC, 1);
            TopicPartition notAssigned = new TopicPartition(OTHER_TOPIC, 2);

            assertThat(rebuild.onAssigned(Set.of(unreached, reached, new TopicPartition(OTHER_TOPIC, 7))))
                    .as("assigned while the rebuild runs: only what has not reached its end starts over").containsExactly(unreached);

            // a replica still reading partition 2 from where it stood before the rebuild gets past its end: not reached
            track(notAssigned, 9);
            assertThat(reached(id, 2)).isFalse();
            // partition 0 was read from its beginning here: its end counts, but partition 2 keeps the rebuild running
            track(unreached, 4);
            assertThat(reached(id, 0)).isTrue();
            assertThat(completed(id)).isFalse();

            rebuild.onAssigned(Set.of(notAssigned));
            track(notAssigned, 4);
            assertThat(reached(id, 2)).isTrue();
            assertThat(completed(id)).as("every partition reached its end").isTrue();
        } finally {
            database.update("update projection_rebuild set completed_at = now() where id = ?1 and completed_at is null", id);
        }
    }

    private void track(TopicPartition partition, long offset) {
        IncomingEvent event = new IncomingEvent(TestEvents.unique("event"), "CourseUpdated", "/test", null, partition.topic(), "key",
                partition.partition(), offset, null, JsonNodeFactory.instance.objectNode());
        QuarkusTransaction.requiringNew().run(() -> rebuild.track(event));
    }

    private boolean reached(long id, int partition) {
        return database.count("""
                select count(*) from projection_rebuild_partition where rebuild_id = ?1 and topic = ?2 and partition = ?3 and reached""",
                id, OTHER_TOPIC, partition) == 1;
    }

    private boolean completed(long id) {
        return database.count("select count(*) from projection_rebuild where id = ?1 and completed_at is not null", id) == 1;
    }
}
