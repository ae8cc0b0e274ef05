package org.recert.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Time from a credit's 201 (through the gateway) to the learner's new status being readable, at a steady rate.
 *
 * <p>"Readable" is the commit in the compliance database that stores the credit in its projection and the
 * learner's re-evaluated status ({@code learner_credit} and {@code learner_status} change in one transaction,
 * and {@code GET .../status} evaluates from that projection). For the run, the benchmark puts a trigger on
 * {@code learner_credit} that sends the credit id with {@code pg_notify}; PostgreSQL delivers a notification at
 * the commit of its transaction, so a watcher listening on one connection learns of each credit as it becomes
 * readable, at a constant small cost per credit (earlier versions polled the table every half millisecond with
 * every credit still awaited, which cost PostgreSQL more the further behind it fell).
 */
final class StatusLatency {

    private static final int LEARNERS = 200;
    private static final int SENDERS = 6;
    private static final String CHANNEL = "bench_credit_readable";
    private static final int LISTEN_MILLIS = 50;

    private final Context context;
    private final Credits credits;
    private final Profiler profiler;
    private final List<String> learners = Credits.learners("bench-lat", LEARNERS);
    /** Credits answered 201 and not yet readable: id to the nanoTime of the 201. */
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    /** Credits readable before their sender registered the 201 (a race of a millisecond): id to the nanoTime. */
    private final Map<String, Long> early = new ConcurrentHashMap<>();
    private final AtomicInteger lost = new AtomicInteger();

    StatusLatency(Context context) {
        this(context, null);
    }

    /**
     * {@code profiler}, when not null, records gateway, credits, compliance and notification-service over the measured
     * run at the full rate.
     */
    StatusLatency(Context context, Profiler profiler) {
        this.context = context;
        this.credits = new Credits(context);
        this.profiler = profiler;
    }

    /** Certifies the learners (before any load: it emits events of its own). */
    /** The certified learners this scenario gives credits to. */
    List<String> learners() {
        return learners;
    }

    void prepare() {
        credits.certify(learners);
        learners.forEach(credits::token);
    }

    List<Row> run(KafkaRoundTrip.Result kafka) throws Exception {
        install();
        try {
            return measure(kafka);
        } finally {
            uninstall();
        }
    }

    private List<Row> measure(KafkaRoundTrip.Result kafka) throws Exception {
        int rate = context.settings.latencyRate();
        Samples warm = new Samples();
        send(rate, context.settings.latencyWarmupSeconds(), warm);
        Samples samples = new Samples();
        lost.set(0);
        long eventsBefore = StatusEvents.published(context);
        if (profiler != null) {
            profiler.start(List.of("gateway", "credits", "compliance", "notifications"));
        }
        CpuMeter.Reading before = context.cpu.read();
        double achieved = send(rate, context.settings.latencySeconds(), samples);
        CpuMeter.Reading after = context.cpu.read();
        if (profiler != null) {
            profiler.stop();
        }
        double events = (StatusEvents.published(context) - eventsBefore) / (double) Math.max(1, samples.count());
        String n = String.format(" (%d credits at %.0f/s; %d not readable after 30 s; %.2f compliance.status.v1 events per credit;"
                + " Kafka: %d records, %d lost)", samples.count(), achieved, lost.get(), events, kafka.samples().count(), kafka.lost());
        lost.set(0);
        // a tenth of the rate shows the pipeline's own latency, without the queueing of a saturated machine
        int slow = Math.max(1, rate / 10);
        Samples unloaded = new Samples();
        double slowAchieved = send(slow, context.settings.latencySeconds(), unloaded);
        String m = String.format(" (%d credits at %.0f/s; %d lost)", unloaded.count(), slowAchieved, lost.get());
        return List.of(
                new Row("credit 201 -> status readable, p50: Recert vs bare Kafka produce->consume" + n, Row.ms(samples.p50()),
                        Row.ms(kafka.samples().p50()), "<= 10 ms", GatewayOverhead.verdict(samples.p50() <= 10, Row.ms(samples.p50()))),
                new Row("credit 201 -> status readable, p99: Recert vs bare Kafka produce->consume", Row.ms(samples.p99()),
                        Row.ms(kafka.samples().p99()), "<= 50 ms", GatewayOverhead.verdict(samples.p99() <= 50, Row.ms(samples.p99()))),
                Context.cpuRow(before, after, samples.count(), "credit at " + rate + "/s (until all were readable), in ms"),
                new Row("  the same at a tenth of the rate, p50 / p99" + m, Row.ms(unloaded.p50()) + " / " + Row.ms(unloaded.p99()),
                        "", "-", ""));
    }

    /** Posts credits at {@code rate} per second for {@code seconds}; returns the rate achieved. */
    private double send(int rate, int seconds, Samples samples) throws Exception {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastSent = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread watcher = Threads.start("bench-status-watch", () -> watch(samples, failure));
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            senders.add(Threads.start("bench-status-send-" + s, () -> {
                int i;
                while ((i = next.getAndIncrement()) < total && failure.get() == null) {
                    Threads.parkUntil(start + i * interval);
                    String learner = learners.get(i % LEARNERS);
                    try {
                        HttpResponse<String> response = context.http.postCredit(credits.url(learner), credits.token(learner), Credits.body(i));
                        long created = System.nanoTime();
                        Http.expect(response, 201);
                        JsonNode credit = Context.JSON.readTree(response.body());
                        String id = credit.path("id").asText();
                        waiting.put(id, created);
                        Long readable = early.remove(id);
                        if (readable != null && waiting.remove(id) != null) {
                            samples.add(Math.max(0, readable - created));
                        }
                        lastSent.accumulateAndGet(created, Math::max);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double achieved = total / ((lastSent.get() - start) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!waiting.isEmpty() && System.nanoTime() < deadline && failure.get() == null) {
            Threads.parkUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
        }
        lost.addAndGet(waiting.size());
        waiting.clear();
        early.clear();
        watcher.interrupt();
        watcher.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return achieved;
    }

    private void watch(Samples samples, AtomicReference<Exception> failure) {
        try (Connection connection = context.connect("compliance"); Statement statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
            PGConnection listener = connection.unwrap(PGConnection.class);
            while (!Thread.currentThread().isInterrupted()) {
                PGNotification[] notifications = listener.getNotifications(LISTEN_MILLIS);
                long received = System.nanoTime();
                if (notifications == null) {
                    continue;
                }
                for (PGNotification notification : notifications) {
                    String id = notification.getParameter();
                    Long created = waiting.remove(id);
                    if (created != null) {
                        samples.add(Math.max(0, received - created));
                    } else {
                        early.put(id, received);
                    }
                }
            }
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted() && !(e.getCause() instanceof InterruptedException)) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /** Puts the notifying trigger on compliance's projection for the run ({@link #uninstall} takes it off). */
    void install() throws SQLException {
        try (Connection connection = context.connect("compliance"); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create or replace function bench_notify_credit_readable() returns trigger language plpgsql as $$
                    begin
                        perform pg_notify('%s', new.credit_id::text);
                        return new;
                    end $$""".formatted(CHANNEL));
            statement.execute("drop trigger if exists bench_notify_credit_readable on learner_credit");
            statement.execute("""
                    create trigger bench_notify_credit_readable after insert or update on learner_credit
                    for each row execute function bench_notify_credit_readable()""");
        }
    }

    void uninstall() throws SQLException {
        try (Connection connection = context.connect("compliance"); Statement statement = connection.createStatement()) {
            statement.execute("drop trigger if exists bench_notify_credit_readable on learner_credit");
            statement.execute("drop function if exists bench_notify_credit_readable()");
        }
    }
}
