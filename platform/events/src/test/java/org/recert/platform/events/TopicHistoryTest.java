package org.recert.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.recert.platform.testapp.NoteResource;

/** A history topic keeps every record for ever, on the real broker, and a topic that does not is named with the reason. */
@QuarkusTest
class TopicHistoryTest {

    @Inject
    KafkaClients kafka;

    @Test
    void shouldCreateAHistoryTopicWithUnlimitedRetentionAndTheConfiguredReplicas() throws Exception {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, NoteResource.TOPIC))).all()
                    .get(10, TimeUnit.SECONDS).values().iterator().next();
            TopicDescription topic = admin.describeTopics(List.of(NoteResource.TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(NoteResource.TOPIC);

            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");
            assertThat(config.get("min.insync.replicas").source()).as("set on the topic, not the broker's default")
                    .isEqualTo(org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
            assertThat(TopicHistory.gaps(admin, List.of(NoteResource.TOPIC))).isEmpty();
        }
    }

    @Test
    void shouldNameATopicThatRetentionWillEmptyOrWhoseFirstRecordsAreGone() throws Exception {
        String name = "test.history." + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(Map.of("retention.ms", "604800000"))))
                    .all().get(10, TimeUnit.SECONDS);
            try {
                assertThat(TopicHistory.finiteRetention(admin, List.of(name)))
                        .containsExactly(name + " deletes its records by retention (retention.ms=604800000)");

                TopicHistory.keepForEver(admin, List.of(name));
                assertThat(TopicHistory.gaps(admin, List.of(name))).isEmpty();

                for (int i = 0; i < 3; i++) {
                    kafka.rawProducer().send(new ProducerRecord<>(name, "key", new byte[] {(byte) i})).get(10, TimeUnit.SECONDS);
                }
                admin.deleteRecords(Map.of(new TopicPartition(name, 0), RecordsToDelete.beforeOffset(2))).all().get(10, TimeUnit.SECONDS);
                assertThat(TopicHistory.gaps(admin, List.of(name)))
                        .containsExactly(name + " partition 0 starts at offset 2: the records before it were deleted");
            } finally {
                admin.deleteTopics(List.of(name)).all().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
