package org.recert.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.recert.devstack.DevStack;
import org.recert.devstack.test.TopicProbe;
import org.recert.platform.security.DevTokens;
import org.recert.platform.testapp.NoteResource;

@QuarkusTest
class OutboxAndConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldPublishTheEventAfterCommitAndNeverAfterRollback() {
        String key = unique("note");
        postNote(key + "-a", "refused", true).then().statusCode(422);
        postNote(key + "-b", "kept", false).then().statusCode(200);

        List<TopicProbe.Message> messages = TopicProbe.readUntil(NoteResource.TOPIC, PATIENCE,
                all -> all.stream().anyMatch(m -> m.key().equals(key + "-b")));

        TopicProbe.Message kept = messages.stream().filter(m -> m.key().equals(key + "-b")).findFirst().orElseThrow();
        assertThat(kept.header("ce_type")).isEqualTo("NoteCreated");
        assertThat(kept.header("ce_specversion")).isEqualTo("1.0");
        assertThat(kept.header("ce_source")).isEqualTo("/recert/platform-test");
        assertThat(kept.header("ce_id")).isNotBlank();
        assertThat(kept.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(kept.value()).contains("\"kept\"");
        assertThat(messages).noneMatch(m -> m.key().equals(key + "-a"));
        assertThat(countRows("select count(*) from outbox_event where event_key = '" + key + "-a'")).isZero();
        assertThat(countRows("select count(*) from test_note where id = '" + key + "-a'")).isZero();
    }

    @Test
    void shouldExposeTheKafkaProducersAndConsumersOwnMetrics() {
        String key = unique("metered");
        postNote(key, "counted", false).then().statusCode(200);
        TopicProbe.readUntil(NoteResource.TOPIC, PATIENCE, all -> all.stream().anyMatch(m -> m.key().equals(key)));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("(?m)^kafka_producer_record_send_total\\{.*client_id=\"[^\"]+\".*} [1-9]")
                .containsPattern("(?m)^kafka_consumer_fetch_manager_records_consumed_total\\{.*} ")
                .containsPattern("(?m)^kafka_consumer_coordinator_assigned_partitions\\{.*} ");
    }

    @Test
    void shouldDeliverEverythingWrittenWhileTheBrokerWasDownInOrderPerKeyAndApplyEachOnce() {
        String run = unique("outage");
        List<String> streams = List.of(run + "-x", run + "-y", run + "-z");
        DevStack.shared().broker().stop();
        try {
            for (int i = 0; i < 12; i++) {
                postNote(run + "#" + i, String.format("%02d", i), false, streams.get(i % 3)).then().statusCode(200);
            }
        } finally {
            DevStack.shared().broker().start();
        }
        await().atMost(PATIENCE).until(() -> countRows("select count(*) from test_applied where note_key like '" + run + "%'") == 12);
        assertThat(countRows("select count(distinct event_id) from test_applied where note_key like '" + run + "%'")).isEqualTo(12);
        for (String stream : streams) {
            List<String> bodies = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("select body from test_applied where note_key = ?1 order by seq", String.class)
                    .setParameter(1, stream).getResultList());
            assertThat(bodies).hasSize(4).isSorted();
        }
        assertThat(countRows("select count(*) from outbox_event where event_key like '" + run + "%' and sent_at is null")).isZero();
    }

    @Test
    void shouldPublishABatchWrittenInOneStatementInListOrder() {
        String stream = unique("batch");
        List<Map<String, String>> notes = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            notes.add(Map.of("id", stream + "#" + i, "body", String.format("%02d", i), "stream", stream));
        }
        given().auth().oauth2(tokens.mint("learner-1", Set.of("learner"), null, null, Duration.ofMinutes(5)))
                .contentType(ContentType.JSON).body(notes)
                .when().post("/api/v1/notes/batch")
                .then().statusCode(200);

        await().atMost(PATIENCE).until(() -> countRows("select count(*) from test_applied where note_key = '" + stream + "'") == 50);
        List<String> bodies = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select body from test_applied where note_key = ?1 order by seq", String.class)
                .setParameter(1, stream).getResultList());
        assertThat(bodies).hasSize(50).isSorted();
        assertThat(countRows("select count(distinct lane) from outbox_event where event_key = '" + stream + "'")).isEqualTo(1);
    }

    @Test
    void shouldApplyTheSameEventOnceWhenItIsDeliveredTwice() {
        String key = unique("dup");
        Map<String, String> headers = cloudEventHeaders(UUID.randomUUID().toString());
        byte[] data = ("{\"id\":\"" + key + "\",\"body\":\"twice\"}").getBytes(StandardCharsets.UTF_8);

        TopicProbe.send(NoteResource.TOPIC, key, data, headers);
        TopicProbe.send(NoteResource.TOPIC, key, data, headers);
        String marker = unique("after-dup");
        TopicProbe.send(NoteResource.TOPIC, marker, ("{\"body\":\"marker\"}").getBytes(StandardCharsets.UTF_8),
                cloudEventHeaders(UUID.randomUUID().toString()));

        await().atMost(PATIENCE).until(() -> countRows("select count(*) from test_applied where note_key = '" + marker + "'") == 1);
        assertThat(countRows("select count(*) from test_applied where note_key = '" + key + "'")).isEqualTo(1);
    }

    @Test
    void shouldParkAPoisonMessageInTheDeadLetterTopicAndGoOn() {
        String poison = unique("poison");
        String notJson = unique("not-json");
        String next = unique("next");
        TopicProbe.send(NoteResource.TOPIC, poison, "{\"body\":\"poison\"}".getBytes(StandardCharsets.UTF_8),
                cloudEventHeaders(UUID.randomUUID().toString()));
        TopicProbe.send(NoteResource.TOPIC, notJson, "{{{".getBytes(StandardCharsets.UTF_8),
                cloudEventHeaders(UUID.randomUUID().toString()));
        TopicProbe.send(NoteResource.TOPIC, next, "{\"body\":\"fine\"}".getBytes(StandardCharsets.UTF_8),
                cloudEventHeaders(UUID.randomUUID().toString()));

        await().atMost(PATIENCE).until(() -> countRows("select count(*) from test_applied where note_key = '" + next + "'") == 1);
        List<TopicProbe.Message> parked = TopicProbe.readUntil(NoteResource.TOPIC + ".dlq", PATIENCE,
                all -> all.stream().map(TopicProbe.Message::key).toList().containsAll(Set.of(poison, notJson)));
        TopicProbe.Message parkedPoison = parked.stream().filter(m -> m.key().equals(poison)).findFirst().orElseThrow();
        assertThat(parkedPoison.header("recert-dlq-error")).contains("can never be applied");
        assertThat(parkedPoison.header("recert-dlq-source")).startsWith(NoteResource.TOPIC + "-");
        assertThat(countRows("select count(*) from test_applied where note_key in ('" + poison + "', '" + notJson + "')")).isZero();
    }

    @Test
    void shouldApplyABatchOnceInOrderWithItsEndOnceAndKeepThePoisonsNeighbours() {
        String stream = unique("batched");
        String repeated = UUID.randomUUID().toString();
        // one producer batch on one partition: the consumer fetches these records together
        sendTogether(stream, List.of(
                Map.entry(UUID.randomUUID().toString(), "1"),
                Map.entry(repeated, "2"),
                Map.entry(repeated, "2"),
                Map.entry(UUID.randomUUID().toString(), "3")));
        await().atMost(PATIENCE).until(() -> countRows("select count(*) from test_applied where note_key = 'end!" + stream + "'") > 0);
        assertThat(bodiesOf(stream)).containsExactly("1", "2", "3");
        assertThat(countRows("select count(*) from test_applied where note_key = 'end!" + stream + "'")).isEqualTo(1);

        String poisoned = unique("poisoned");
        sendTogether(poisoned, List.of(
                Map.entry(UUID.randomUUID().toString(), "a"),
                Map.entry(UUID.randomUUID().toString(), "poison"),
                Map.entry(UUID.randomUUID().toString(), "b")));
        await().atMost(PATIENCE).until(() -> bodiesOf(poisoned).size() == 2);
        assertThat(bodiesOf(poisoned)).containsExactly("a", "b");
        TopicProbe.readUntil(NoteResource.TOPIC + ".dlq", PATIENCE,
                all -> all.stream().anyMatch(m -> m.key().equals(poisoned) && m.value().contains("poison")));
    }

    private List<String> bodiesOf(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select body from test_applied where note_key = ?1 order by seq", String.class)
                .setParameter(1, key).getResultList());
    }

    /** Sends the events (id, body) under one key in one producer batch. */
    private static void sendTogether(String key, List<Map.Entry<String, String>> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                DevStack.shared().bootstrapServers(), "acks", "all", "linger.ms", "1000"), new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, String> event : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(NoteResource.TOPIC, key,
                        ("{\"body\":\"" + event.getValue() + "\"}").getBytes(StandardCharsets.UTF_8));
                cloudEventHeaders(event.getKey()).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private io.restassured.response.Response postNote(String id, String body, boolean failAfterPublish) {
        return postNote(id, body, failAfterPublish, id);
    }

    private io.restassured.response.Response postNote(String id, String body, boolean failAfterPublish, String stream) {
        return given().auth().oauth2(tokens.mint("learner-1", Set.of("learner"), null, null, Duration.ofMinutes(5)))
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "body", body, "stream", stream))
                .queryParam("failAfterPublish", failAfterPublish)
                .when().post("/api/v1/notes");
    }

    private long countRows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static Map<String, String> cloudEventHeaders(String id) {
        return Map.of("ce_id", id, "ce_specversion", "1.0", "ce_type", "NoteCreated", "ce_source", "/test",
                "content-type", "application/json");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

}
