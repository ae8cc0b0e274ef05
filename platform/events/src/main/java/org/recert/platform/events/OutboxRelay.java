package org.recert.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.recert.platform.PlatformConfig;
import org.recert.platform.web.TraceContext;

/**
 * Publishes committed outbox rows to Kafka, in order per key, and marks them sent.
 *
 * <p>Keys hash to 16 lanes; a relay locks the lanes it works on ({@code FOR UPDATE SKIP LOCKED}), so any
 * number of replicas may run one: a lane is published by one of them at a time, in id order. A failed send
 * rolls the batch back and the relay backs off; the rows wait, they are never lost. Kafka may then see an
 * event twice, which consumers absorb by its id.
 *
 * <p>Each event is sent inside a PRODUCER span whose parent is the span that wrote it (stored on its row), and
 * its {@code traceparent} header names that producer span: the consumer's span continues the same trace.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final KafkaClients kafka;
    private final PlatformConfig config;
    private final Tracer tracer;
    private final URI source;
    private final AtomicLong published = new AtomicLong();
    private final PollingWorker worker;
    private long lastPurge;

    public OutboxRelay(AgroalDataSource dataSource, KafkaClients kafka, PlatformConfig config, MeterRegistry meters,
            Tracer tracer) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.config = config;
        this.tracer = tracer;
        this.source = URI.create("/recert/" + config.service());
        meters.gauge("recert.outbox.published", published);
        meters.gauge("recert.outbox.pending", this, OutboxRelay::pendingOrZero);
        meters.gauge("recert.outbox.oldest.pending.seconds", this, OutboxRelay::oldestPendingAgeSeconds);
        this.worker = new PollingWorker("outbox-relay", config.outbox().pollInterval(), Duration.ofMillis(100),
                config.outbox().maxBackoff(), this::relayPass, new PollingWorker.Listener() {
                    @Override
                    public void failed(Exception failure, int inARow, Duration retryIn) {
                        if (inARow == 1) {
                            LOG.warnf("outbox relay: publishing failed, events wait in the outbox (%s); retrying with backoff",
                                    failure.toString());
                        }
                    }

                    @Override
                    public void recovered() {
                        LOG.info("outbox relay: Kafka reachable again, publishing resumed");
                    }
                });
    }

    void onStart(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(15));
    }

    /** Asks the relay to look for new rows now. */
    public void wake() {
        worker.wake();
    }

    /** Events published since start; for tests and metrics. */
    public long publishedCount() {
        return published.get();
    }

    /** Publishes a batch; true when it was full (more may wait). Sent rows are purged once a minute. */
    private boolean relayPass() throws Exception {
        int sent = publishBatch();
        if (System.currentTimeMillis() - lastPurge > 60_000) {
            purgeSent();
            lastPurge = System.currentTimeMillis();
        }
        return sent >= config.outbox().batchSize();
    }

    /** One transaction: lock free lanes, publish their oldest pending rows in order, mark them sent. */
    int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Integer> lanes = lockFreeLanes(connection);
                List<PendingEvent> events = lanes.isEmpty() ? List.of() : pending(connection, lanes);
                if (!events.isEmpty()) {
                    send(events);
                    markSent(connection, events);
                }
                connection.commit();
                published.addAndGet(events.size());
                return events.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static List<Integer> lockFreeLanes(Connection connection) throws SQLException {
        List<Integer> lanes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select lane from outbox_lane order by lane for update skip locked");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                lanes.add(rows.getInt(1));
            }
        }
        return lanes;
    }

    private List<PendingEvent> pending(Connection connection, List<Integer> lanes) throws SQLException {
        List<PendingEvent> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select id, event_id, topic, event_key, event_type, payload::text, traceparent, created_at
                from outbox_event where sent_at is null and lane = any(?) order by id limit ?""")) {
            Array laneArray = connection.createArrayOf("smallint", lanes.toArray());
            query.setArray(1, laneArray);
            query.setInt(2, config.outbox().batchSize());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new PendingEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getObject(8, OffsetDateTime.class)));
                }
            }
        }
        return events;
    }

    private void send(List<PendingEvent> events) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        List<Span> spans = new ArrayList<>(events.size());
        try {
            for (PendingEvent event : events) {
                Span span = producerSpan(event);
                spans.add(span);
                CloudEvent cloudEvent = CloudEventBuilder.v1()
                        .withId(event.eventId())
                        .withSource(source)
                        .withType(event.type())
                        .withSubject(event.key())
                        .withTime(event.createdAt())
                        .withDataContentType("application/json")
                        .withData(event.payload().getBytes(StandardCharsets.UTF_8))
                        .build();
                ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(event.topic(), event.key(), cloudEvent);
                String traceparent = TraceContext.of(Context.root().with(span));
                if (traceparent != null) {
                    record.headers().add(TraceContext.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
                }
                acks.add(kafka.eventProducer().send(record));
            }
            // the round's records leave now, in as few requests as the broker takes, whatever the linger
            kafka.eventProducer().flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.toString()));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** The span of one event's publication: a child of the span that wrote the event, or a new trace. */
    private Span producerSpan(PendingEvent event) {
        return MessagingSpans.of(tracer, SpanKind.PRODUCER, "publish", "send", event.traceparent(), event.topic(), event.eventId(),
                event.key(), event.type()).startSpan();
    }

    private static void markSent(Connection connection, List<PendingEvent> events) throws SQLException {
        try (PreparedStatement update = CustomPlans.plannedEachTime(
                connection.prepareStatement("update outbox_event set sent_at = now() where id = any(?)"))) {
            update.setArray(1, connection.createArrayOf("bigint", events.stream().map(PendingEvent::id).toArray()));
            update.executeUpdate();
        }
    }

    private void purgeSent() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from outbox_event where sent_at is not null and sent_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.outbox().retention().toSeconds());
            delete.executeUpdate();
        }
    }

    private double pendingOrZero() {
        return queryNumber("select count(*) from outbox_event where sent_at is null");
    }

    private double oldestPendingAgeSeconds() {
        return queryNumber("select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event where sent_at is null");
    }

    private double queryNumber(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getDouble(1) : 0;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private record PendingEvent(long id, String eventId, String topic, String key, String type, String payload,
            String traceparent, OffsetDateTime createdAt) {
    }

}
