package org.recert.devstack.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.recert.devstack.DevStack;

/**
 * Reads a topic of the JVM's broker from the beginning, as a test's independent witness of what was
 * published (assign, not subscribe: no group, no rebalance).
 */
public final class TopicProbe {

    /** One record as read: key, value as text, headers as text. */
    public record Message(String key, String value, Map<String, String> headers, int partition, long offset) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private TopicProbe() {
    }

    /** Every record of the topic now; waits up to {@code timeout} until {@code until} holds for the list read. */
    public static List<Message> readUntil(String topic, Duration timeout, Predicate<List<Message>> until) {
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                if (!new java.util.HashSet<>(partitions).equals(consumer.assignment())) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    messages.clear();
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    messages.add(toMessage(record));
                }
                return until.test(messages);
            });
        }
        return messages;
    }

    /** Reads for {@code window} and returns all it saw: for asserting that something did NOT appear. */
    public static List<Message> readFor(String topic, Duration window) {
        long end = System.nanoTime() + window.toNanos();
        return readUntil(topic, window.plusSeconds(10), m -> System.nanoTime() > end);
    }

    /** Sends a raw record, as another system (or a broken one) would. */
    public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", DevStack.shared().bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    private static Message toMessage(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new Message(record.key(), record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
                headers, record.partition(), record.offset());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", DevStack.shared().bootstrapServers(),
                "enable.auto.commit", "false"), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
