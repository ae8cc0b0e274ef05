package org.recert.credits;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.recert.devstack.DevStack;
import org.recert.devstack.test.TopicProbe;

/**
 * Reads the records of one key from the beginning of a topic that may hold thousands of others (this module's
 * 10,000-row report puts that many on credits.ledger.v1). TopicProbe re-seeks when the consumer's assignment
 * set iterates in another order than the partition list, which starts over on every poll once a topic holds
 * more than one poll's worth; this reader assigns once and reads on.
 */
public final class KeyedTopicReader {

    private KeyedTopicReader() {
    }

    public static List<TopicProbe.Message> read(String topic, String key, int expected, Duration timeout) {
        List<TopicProbe.Message> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", DevStack.shared().bootstrapServers(),
                "enable.auto.commit", "false", "max.poll.records", "5000"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        Map<String, String> headers = new LinkedHashMap<>();
                        for (Header header : record.headers()) {
                            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                        }
                        found.add(new TopicProbe.Message(record.key(), record.value(), headers, record.partition(), record.offset()));
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }
}
