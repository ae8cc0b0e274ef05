package org.recert.platform.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the service's Kafka clients from the {@code kafka.*} settings (KAFKA_BOOTSTRAP_SERVERS, ...),
 * with the delivery guarantees the outbox and the consumers rely on. Every client's own metrics (lag, fetch and
 * send rates, request latency, ...) are on {@code /q/metrics} as {@code kafka_consumer_*} and
 * {@code kafka_producer_*}, for as long as the client is open.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> base;
    private final MeterRegistry meters;
    private KafkaProducer<String, CloudEvent> eventProducer;
    private KafkaClientMetrics eventProducerMetrics;
    private KafkaProducer<String, byte[]> rawProducer;
    private KafkaClientMetrics rawProducerMetrics;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters) {
        this.meters = meters;
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
            eventProducerMetrics = metered(new KafkaClientMetrics(eventProducer));
        }
        return eventProducer;
    }

    /** A producer of records as they are, for the dead-letter topics. */
    public synchronized KafkaProducer<String, byte[]> rawProducer() {
        if (rawProducer == null) {
            rawProducer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
            rawProducerMetrics = metered(new KafkaClientMetrics(rawProducer));
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
        return new MeteredConsumer(config);
    }

    private KafkaClientMetrics metered(KafkaClientMetrics metrics) {
        metrics.bindTo(meters);
        return metrics;
    }

    /** A consumer whose metrics leave the registry when it closes (a replay or a restart of the loop makes a new one). */
    private final class MeteredConsumer extends KafkaConsumer<String, byte[]> {

        private final KafkaClientMetrics metrics;

        MeteredConsumer(Map<String, Object> config) {
            super(config, new StringDeserializer(), new ByteArrayDeserializer());
            this.metrics = metered(new KafkaClientMetrics(this));
        }

        @Override
        public void close() {
            metrics.close();
            super.close();
        }

        @Override
        public void close(Duration timeout) {
            metrics.close();
            super.close(timeout);
        }

        @Override
        public void close(CloseOptions options) {
            metrics.close();
            super.close(options);
        }
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
        if (eventProducerMetrics != null) {
            eventProducerMetrics.close();
        }
        if (rawProducerMetrics != null) {
            rawProducerMetrics.close();
        }
        if (eventProducer != null) {
            eventProducer.close();
        }
        if (rawProducer != null) {
            rawProducer.close();
        }
    }
}
