package org.recert.platform.events;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the service's Kafka clients from the {@code kafka.*} settings (KAFKA_BOOTSTRAP_SERVERS, ...),
 * with the delivery guarantees the outbox and the consumers rely on.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> base;
    private KafkaProducer<String, CloudEvent> eventProducer;
    private KafkaProducer<String, byte[]> rawProducer;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        // ride out a broker restart without long reconnect pauses
        config.putIfAbsent("reconnect.backoff.max.ms", "1000");
        config.putIfAbsent("retry.backoff.max.ms", "1000");
        config.putIfAbsent("socket.connection.setup.timeout.ms", "2000");
        config.putIfAbsent("socket.connection.setup.timeout.max.ms", "5000");
        this.base = Map.copyOf(config);
    }

    /** The idempotent, acks=all producer of CloudEvents in Kafka binary mode. */
    public synchronized KafkaProducer<String, CloudEvent> eventProducer() {
        if (eventProducer == null) {
            Map<String, Object> config = producerConfig();
            eventProducer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
        }
        return eventProducer;
    }

    /** A producer of records as they are, for the dead-letter topics. */
    public synchronized KafkaProducer<String, byte[]> rawProducer() {
        if (rawProducer == null) {
            rawProducer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        }
        return rawProducer;
    }

    public KafkaConsumer<String, byte[]> consumer(String groupId) {
        Map<String, Object> config = new HashMap<>(base);
        config.put("group.id", groupId);
        config.put("enable.auto.commit", "false");
        config.putIfAbsent("auto.offset.reset", "earliest");
        config.putIfAbsent("max.poll.records", "500");
        config.putIfAbsent("client.id", groupId + "-consumer");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Map<String, Object> adminConfig() {
        return base;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "0");
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        return config;
    }

    @PreDestroy
    synchronized void close() {
        if (eventProducer != null) {
            eventProducer.close();
        }
        if (rawProducer != null) {
            rawProducer.close();
        }
    }
}
