package org.recert.devstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DevStackTest {

    private static final String TOPIC = "devstack.selftest";

    @Test
    void shouldServeARealDatabasePerServiceAndKeepBrokerDataAcrossARestart() throws Exception {
        DevStack stack = DevStack.shared();

        Database database = stack.database("selftest");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             ResultSet row = connection.createStatement().executeQuery("select current_database(), version()")) {
            row.next();
            assertEquals("selftest", row.getString(1));
            assertTrue(row.getString(2).startsWith("PostgreSQL 17"), row.getString(2));
        }
        assertEquals(database, stack.database("selftest"), "creating the same database twice is harmless");

        try (KafkaProducer<String, String> producer = producer(stack)) {
            producer.send(new ProducerRecord<>(TOPIC, "k", "before")).get();
            stack.broker().kill();
            stack.broker().start();
            producer.send(new ProducerRecord<>(TOPIC, "k", "after")).get();
        }

        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(stack)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= 2;
            });
        }
        assertEquals(List.of("before", "after"), values);
    }

    private static KafkaProducer<String, String> producer(DevStack stack) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all",
                "reconnect.backoff.max.ms", "500", "retry.backoff.max.ms", "500",
                "delivery.timeout.ms", "60000"));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(DevStack stack) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", stack.bootstrapServers(), "enable.auto.commit", "false"));
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
