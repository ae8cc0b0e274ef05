package org.recert.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.recert.platform.PlatformConfig;
import org.recert.platform.web.TraceContext;
import org.recert.platform.runtime.Failures;

/**
 * The service's one consumer loop, at least once and idempotent: a poll's records are applied in one transaction
 * (the handlers' changes and the events' ids, recorded in one statement), then their offsets are committed. A
 * duplicate changes nothing. When the batch fails, its records are applied one by one: an event that keeps failing
 * goes to {@code <topic>.dlq} with the error and the loop moves on; a database outage is not the event's fault, so
 * then the loop waits and retries the same records.
 *
 * <p>Each attempt runs in a CONSUMER span whose parent is the record's {@code traceparent} (the producer's span),
 * current while the handler runs: its log lines carry the trace id, and the events it publishes continue the trace.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    public static final String DLQ_SUFFIX = ".dlq";

    private final Instance<EventHandler> handlerBeans;
    private final Instance<ReadFromStart> readFromStart;
    private final KafkaClients kafka;
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final PlatformConfig config;
    private final Tracer tracer;
    private final AtomicBoolean replayRequested = new AtomicBoolean();
    private final AtomicLong handled = new AtomicLong();
    private final Counter handledCounter;
    private final Counter deadLettered;
    private final Map<TopicPartition, Long> lag = new java.util.concurrent.ConcurrentHashMap<>();
    private Map<String, List<EventHandler>> handlersByTopic = Map.of();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread worker;

    public EventConsumer(Instance<EventHandler> handlerBeans, Instance<ReadFromStart> readFromStart, KafkaClients kafka,
            EntityManager entityManager, ObjectMapper objectMapper, PlatformConfig config, MeterRegistry meters, Tracer tracer) {
        this.handlerBeans = handlerBeans;
        this.readFromStart = readFromStart;
        this.tracer = tracer;
        this.kafka = kafka;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.handledCounter = meters.counter("recert.events.handled");
        this.deadLettered = meters.counter("recert.events.dead.lettered");
        meters.gauge("recert.consumer.lag", lag, l -> l.values().stream().mapToLong(Long::longValue).sum());
    }

    @jakarta.annotation.PostConstruct
    void collectHandlers() {
        Map<String, List<EventHandler>> byTopic = new HashMap<>();
        for (EventHandler handler : handlerBeans) {
            for (String topic : handler.topics()) {
                byTopic.computeIfAbsent(topic, t -> new java.util.ArrayList<>()).add(handler);
            }
        }
        handlersByTopic = Map.copyOf(byTopic);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.consumer().enabled() || handlersByTopic.isEmpty()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "event-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The topics this service consumes. */
    public Set<String> topics() {
        return new TreeSet<>(handlersByTopic.keySet());
    }

    /** Events applied since start (duplicates excluded); for tests and metrics. */
    public long handledCount() {
        return handled.get();
    }

    /**
     * A service's say in where its consumer reads from, asked on the consumer thread before any record of the
     * partitions concerned is handled (so what it notes holds for every record handled after). Optional: without
     * such a bean, assigned partitions are read from the group's committed offsets.
     */
    public interface ReadFromStart {

        /** Partitions just assigned to this consumer: those returned are read from their beginning, the rest from the committed offset. */
        Set<TopicPartition> onAssigned(Set<TopicPartition> assigned);

        /** Partitions read again from their beginning from now on, after {@link EventConsumer#replayFromStart()}. */
        void onReplay(Set<TopicPartition> partitions);

        /** A record that could not be applied was parked on the dead-letter topic: the consumer got past it all the same. */
        default void onParked(String topic, int partition, long offset) {
        }
    }

    /**
     * Reads every partition assigned to this consumer again from the beginning, at its next poll. The caller has
     * already cleared the state the handlers rebuild, and this consumer's processed-event ids with it. Other
     * replicas' partitions are theirs: a service that needs them replayed too asks each replica.
     */
    public void replayFromStart() {
        replayRequested.set(true);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafkaConsumer = kafka.consumer(config.service())) {
                consumer = kafkaConsumer;
                kafkaConsumer.subscribe(handlersByTopic.keySet(), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        // offsets of applied records are committed after each batch already
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        startAssigned(kafkaConsumer, Set.copyOf(partitions));
                    }
                });
                while (running) {
                    if (replayRequested.compareAndSet(true, false)) {
                        replay(kafkaConsumer);
                    }
                    try {
                        ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(Duration.ofMillis(500));
                        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                        if (!records.isEmpty() && running && !replayRequested.get()) {
                            processPoll(records, done);
                        }
                        if (!done.isEmpty()) {
                            commit(kafkaConsumer, done);
                        }
                        updateLag(kafkaConsumer);
                    } catch (WakeupException e) {
                        // stop or replay requested: the loop condition decides
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("event consumer: %s; reconnecting", e.toString());
                    pause(1000);
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void replay(KafkaConsumer<String, byte[]> kafkaConsumer) {
        // make sure partitions are assigned before seeking
        while (kafkaConsumer.assignment().isEmpty() && running) {
            try {
                kafkaConsumer.poll(Duration.ofMillis(100));
            } catch (WakeupException e) {
                // another replay request or a stop: the loop condition decides
            }
        }
        Set<TopicPartition> assigned = Set.copyOf(kafkaConsumer.assignment());
        kafkaConsumer.seekToBeginning(assigned);
        readFromStart.forEach(listener -> listener.onReplay(assigned));
        LOG.infof("event consumer: replaying %s from the beginning", assigned);
    }

    /** Seeks the newly assigned partitions a {@link ReadFromStart} names to their beginning (inside poll, before their records). */
    private void startAssigned(KafkaConsumer<String, byte[]> kafkaConsumer, Set<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return;
        }
        Set<TopicPartition> fromStart = new java.util.HashSet<>();
        readFromStart.forEach(listener -> fromStart.addAll(listener.onAssigned(assigned)));
        fromStart.retainAll(assigned);
        if (!fromStart.isEmpty()) {
            kafkaConsumer.seekToBeginning(fromStart);
            LOG.infof("event consumer: reading %s from the beginning", fromStart);
        }
    }

    private void updateLag(KafkaConsumer<String, byte[]> kafkaConsumer) {
        for (TopicPartition partition : kafkaConsumer.assignment()) {
            kafkaConsumer.currentLag(partition).ifPresent(l -> lag.put(partition, l));
        }
    }

    /**
     * Commits the offsets of applied records. A wakeup (stop or replay) that lands in the commit must not leave them
     * uncommitted: the next owner of the partition would only skip them as duplicates, but a clean stop commits.
     */
    private static void commit(KafkaConsumer<String, byte[]> kafkaConsumer, Map<TopicPartition, OffsetAndMetadata> done) {
        try {
            kafkaConsumer.commitSync(done);
        } catch (WakeupException e) {
            kafkaConsumer.commitSync(done);
        }
    }

    /**
     * Applies a poll's records in poll order: runs of decodable records as one transaction each, a record that cannot
     * be decoded dead-lettered in its place between them. Each record's offset goes into {@code done} once it was
     * applied, skipped as a duplicate or dead-lettered; a stop or replay request ends the poll early.
     */
    private void processPoll(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done)
            throws InterruptedException {
        List<ConsumerRecord<String, byte[]>> run = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            IncomingEvent event;
            try {
                event = decode(record);
            } catch (RuntimeException e) {
                // the records before it first, so that every partition is applied (and parked) in offset order
                if (!processRun(run, events, done) || !running || replayRequested.get() || !deadLetter(record, e)) {
                    return;
                }
                markDone(done, record);
                run.clear();
                events.clear();
                continue;
            }
            run.add(record);
            events.add(event);
        }
        processRun(run, events, done);
    }

    /**
     * Applies decoded records in one transaction. If that fails for a reason of the data, they are applied again one by
     * one, each in its own transaction with its own attempts and dead letter: a poison record is parked, its
     * neighbours are applied. False when stopped (or a replay was requested) before all of them were done.
     */
    private boolean processRun(List<ConsumerRecord<String, byte[]>> records, List<IncomingEvent> events,
            Map<TopicPartition, OffsetAndMetadata> done) throws InterruptedException {
        if (records.isEmpty()) {
            return true;
        }
        if (!running || replayRequested.get()) {
            return false;
        }
        if (records.size() > 1) {
            long transientBackoff = 200;
            while (running) {
                try {
                    applyBatch(events);
                    if (config.consumer().deliverTwice()) {
                        applyBatch(events);
                    }
                    records.forEach(record -> markDone(done, record));
                    return true;
                } catch (RuntimeException e) {
                    if (!isTransient(e)) {
                        LOG.debugf(e, "event consumer: a batch of %d events failed; applying them one by one", events.size());
                        break;
                    }
                    LOG.warnf("event consumer: database unavailable while handling a batch of %d events (%s); waiting",
                            events.size(), e.toString());
                    pause(transientBackoff);
                    transientBackoff = Math.min(transientBackoff * 2, 10_000);
                }
            }
        }
        for (int i = 0; i < records.size(); i++) {
            if (!running || replayRequested.get() || !process(records.get(i), events.get(i))) {
                return false; // stopped before it was applied: its offset stays uncommitted
            }
            markDone(done, records.get(i));
        }
        return true;
    }

    private static void markDone(Map<TopicPartition, OffsetAndMetadata> done, ConsumerRecord<String, byte[]> record) {
        done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }

    /** Applies one decoded record: true once it was applied, skipped as a duplicate, or dead-lettered; false if stopped first. */
    private boolean process(ConsumerRecord<String, byte[]> record, IncomingEvent event) throws InterruptedException {
        int attempts = 0;
        long transientBackoff = 200;
        while (running) {
            try {
                applyBatch(List.of(event));
                if (config.consumer().deliverTwice()) {
                    applyBatch(List.of(event));
                }
                return true;
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    LOG.warnf("event consumer: database unavailable while handling %s (%s); waiting", event.id(), e.toString());
                    pause(transientBackoff);
                    transientBackoff = Math.min(transientBackoff * 2, 10_000);
                    continue;
                }
                attempts++;
                if (attempts >= config.consumer().maxAttempts()) {
                    return deadLetter(record, e);
                }
                LOG.debugf(e, "event consumer: attempt %d at %s failed", attempts, event.id());
                pause(100L * attempts);
            }
        }
        return false;
    }

    /**
     * One transaction for the events: their ids recorded in one statement (those recorded before, and repeats within
     * the list, are duplicates and change nothing), each new one handled in its own CONSUMER span, current while its
     * handlers run; then each handler that saw any of them finishes the batch once ({@link EventHandler#endOfBatch}).
     */
    private void applyBatch(List<IncomingEvent> events) {
        List<Span> spans = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            spans.add(consumerSpan(event));
        }
        try {
            int applied = QuarkusTransaction.requiringNew().call(() -> {
                Set<String> fresh = recordProcessed(events);
                Set<EventHandler> touched = new java.util.LinkedHashSet<>();
                int count = 0;
                for (int i = 0; i < events.size(); i++) {
                    IncomingEvent event = events.get(i);
                    Span span = spans.get(i);
                    boolean isNew = fresh.remove(event.id());
                    span.setAttribute("recert.event.duplicate", !isNew);
                    if (!isNew) {
                        continue;
                    }
                    try (Scope scope = span.makeCurrent()) {
                        TraceContext.putInLog(span);
                        for (EventHandler handler : handlersByTopic.getOrDefault(event.topic(), List.of())) {
                            handler.handle(event);
                            touched.add(handler);
                        }
                    } finally {
                        TraceContext.removeFromLog();
                    }
                    count++;
                }
                for (EventHandler handler : touched) {
                    handler.endOfBatch();
                }
                return count;
            });
            handled.addAndGet(applied);
            handledCounter.increment(applied);
        } catch (RuntimeException e) {
            for (Span span : spans) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, e.toString());
            }
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** Records the events' ids for this consumer in one statement; returns the ids that were not recorded before. */
    private Set<String> recordProcessed(List<IncomingEvent> events) {
        String[] ids = new String[events.size()];
        String[] topics = new String[events.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = events.get(i).id();
            topics[i] = events.get(i).topic();
        }
        Set<String> fresh = new java.util.HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, topic)
                    select ?, e.event_id, e.topic from unnest(?::text[], ?::text[]) as e(event_id, topic)
                    on conflict do nothing returning event_id""")) {
                insert.setString(1, config.service());
                insert.setArray(2, connection.createArrayOf("text", ids));
                insert.setArray(3, connection.createArrayOf("text", topics));
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        fresh.add(inserted.getString(1));
                    }
                }
            }
        });
        return fresh;
    }

    /** The span of one attempt at one event: a child of the producer's span named by the record, or a new trace. */
    private Span consumerSpan(IncomingEvent event) {
        return MessagingSpans.of(tracer, SpanKind.CONSUMER, "process", "process", event.traceparent(), event.topic(), event.id(),
                        event.key(), event.type())
                .setAttribute("messaging.consumer.group.name", config.service())
                .setAttribute("messaging.destination.partition.id", String.valueOf(event.partition()))
                .setAttribute("messaging.kafka.offset", event.offset())
                .startSpan();
    }

    private IncomingEvent decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent;
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            cloudEvent = deserializer.deserialize(record.topic(), record.headers(), record.value());
        }
        if (cloudEvent.getData() == null) {
            throw new IllegalArgumentException("event " + cloudEvent.getId() + " has no data");
        }
        try {
            Header trace = record.headers().lastHeader(TraceContext.HEADER);
            return new IncomingEvent(cloudEvent.getId(), cloudEvent.getType(), String.valueOf(cloudEvent.getSource()),
                    cloudEvent.getTime() == null ? null : cloudEvent.getTime(),
                    record.topic(), record.key(), record.partition(), record.offset(),
                    trace == null ? null : new String(trace.value(), StandardCharsets.US_ASCII),
                    objectMapper.readTree(cloudEvent.getData().toBytes()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("event " + cloudEvent.getId() + " data is not JSON", e);
        }
    }

    /** Parks a record that cannot be applied on {@code <topic>.dlq}, with the error; waits for Kafka's ack (false if stopped first). */
    private boolean deadLetter(ConsumerRecord<String, byte[]> record, Exception error) throws InterruptedException {
        LOG.errorf("event consumer: %s-%d@%d goes to %s: %s", record.topic(), record.partition(), record.offset(),
                record.topic() + DLQ_SUFFIX, error.toString());
        ProducerRecord<String, byte[]> parked = new ProducerRecord<>(record.topic() + DLQ_SUFFIX, record.key(), record.value());
        record.headers().forEach(h -> parked.headers().add(h));
        parked.headers().add("recert-dlq-error", utf8(String.valueOf(error.getMessage())));
        parked.headers().add("recert-dlq-exception", utf8(error.getClass().getName()));
        parked.headers().add("recert-dlq-source", utf8(record.topic() + "-" + record.partition() + "@" + record.offset()));
        parked.headers().add("recert-dlq-consumer", utf8(config.service()));
        parked.headers().add("recert-dlq-time", utf8(OffsetDateTime.now().toString()));
        while (running) {
            try {
                kafka.rawProducer().send(parked).get(30, TimeUnit.SECONDS);
                deadLettered.increment();
                readFromStart.forEach(listener -> listener.onParked(record.topic(), record.partition(), record.offset()));
                return true;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warnf("event consumer: dead-letter topic unreachable (%s); retrying", e.toString());
                pause(1000);
            }
        }
        return false;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** A database that is down or overloaded, or a serialization conflict, is not the event's fault: retry. */
    static boolean isTransient(Throwable error) {
        return Failures.isDatabaseUnavailable(error) || Failures.isConcurrencyConflict(error);
    }

    private void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
