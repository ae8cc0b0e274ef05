package org.recert.platform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recert.platform.PlatformConfig;
import org.recert.platform.security.DevTokens;

/**
 * A second replica's relay, as another pod would run it, publishing from the same outbox at the same time as this
 * instance's own: every event goes out, each key's events in order, and each is applied once.
 */
@QuarkusTest
class TwoRelaysTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaClients kafka;

    @Inject
    PlatformConfig config;

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    @Inject
    Tracer tracer;

    @Test
    void shouldPublishEveryEventOnceAndInOrderPerKeyWhenTwoReplicasRelayAtOnce() throws Exception {
        OutboxRelay otherReplica = new OutboxRelay(dataSource, kafka, config, new SimpleMeterRegistry(), tracer);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong publishedByOther = new AtomicLong();
        Thread other = new Thread(() -> {
            while (running.get()) {
                try {
                    publishedByOther.addAndGet(otherReplica.publishBatch());
                } catch (Exception e) {
                    // a lane another relay holds is skipped, not waited for; a failure just means try again
                }
            }
        }, "second-replica-relay");
        other.start();
        String run = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> streams = List.of(run + "-a", run + "-b", run + "-c", run + "-d", run + "-e");
        try {
            for (int batch = 0; batch < 10; batch++) {
                List<Map<String, String>> notes = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    int n = batch * 20 + i;
                    notes.add(Map.of("id", run + "#" + n, "body", String.format("%03d", n), "stream", streams.get(n % streams.size())));
                }
                given().auth().oauth2(tokens.mint("learner-1", Set.of("learner"), null, null, Duration.ofMinutes(5)))
                        .contentType(ContentType.JSON).body(notes)
                        .when().post("/api/v1/notes/batch")
                        .then().statusCode(200);
            }
            await().atMost(PATIENCE).until(() -> count("select count(*) from test_applied where note_key like '" + run + "%'") >= 200);
        } finally {
            running.set(false);
            other.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(publishedByOther.get()).as("events the second replica's relay published").isPositive();
        assertThat(count("select count(*) from test_applied where note_key like '" + run + "%'")).isEqualTo(200);
        assertThat(count("select count(distinct event_id) from test_applied where note_key like '" + run + "%'")).isEqualTo(200);
        for (String stream : streams) {
            List<String> bodies = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("select body from test_applied where note_key = ?1 order by seq", String.class)
                    .setParameter(1, stream).getResultList());
            assertThat(bodies).as("applied order of " + stream).hasSize(40).isSorted();
        }
        assertThat(count("select count(*) from outbox_event where event_key like '" + run + "%' and sent_at is null")).isZero();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
