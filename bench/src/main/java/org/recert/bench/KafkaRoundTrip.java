package org.recert.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under the status latency: a bare produce-to-consume round trip on the suite's broker, with the
 * producer settings of the platform's outbox relay (idempotent, acks=all, linger 0), at the same rate and
 * with a value the size of a credit event.
 */
final class KafkaRoundTrip {

    private static final String TOPIC = "bench.roundtrip";

    record Result(Samples samples, int lost) {
    }

    private final Context context;

    KafkaRoundTrip(Context context) {
        this.context = context;
    }

    Result run(int valueBytes) throws Exception {
        String servers = context.suite.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
        }
        Properties producerConfig = new Properties();
        producerConfig.put("bootstrap.servers", servers);
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties consumerConfig = new Properties();
        consumerConfig.put("bootstrap.servers", servers);
        consumerConfig.put("enable.auto.commit", "false");

        int rate = context.settings.latencyRate();
        Samples samples = new Samples();
        AtomicInteger received = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread reader = Threads.start("bench-kafka-consume", () -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                            long now = System.nanoTime();
                            long sent = ByteBuffer.wrap(record.value()).getLong();
                            if (sent != 0) {
                                samples.add(now - sent);
                            }
                            received.incrementAndGet();
                        }
                    }
                } catch (org.apache.kafka.common.errors.InterruptException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
            int warm = rate * context.settings.latencyWarmupSeconds();
            int total = rate * context.settings.latencySeconds();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            for (int i = 0; i < warm + total; i++) {
                Threads.parkUntil(start + i * interval);
                ByteBuffer value = ByteBuffer.allocate(valueBytes);
                // the warm-up carries 0, which the reader does not record
                value.putLong(i < warm ? 0 : System.nanoTime());
                producer.send(new ProducerRecord<>(TOPIC, "bench-lat-" + (i % 200), value.array()));
            }
            producer.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.get() < warm + total && System.nanoTime() < deadline) {
                Threads.parkUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10));
            }
            reader.interrupt();
            reader.join();
            if (failure.get() != null) {
                throw failure.get();
            }
            return new Result(samples, warm + total - received.get());
        }
    }
}
