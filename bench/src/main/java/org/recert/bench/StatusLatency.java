package org.recert.bench;

import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Time from a credit's 201 (through the gateway) to the learner's new status being readable, at a steady rate.
 *
 * <p>"Readable" is the commit in the compliance database that stores the credit in its projection and the
 * learner's re-evaluated status ({@code learner_credit} and {@code learner_status} change in one transaction,
 * and {@code GET .../status} evaluates from that projection). A watcher polls {@code learner_credit} for the
 * credits it waits for about every millisecond; a credit counts as readable at the start of the first query that
 * sees it, so the figure is an upper bound, late by at most one poll.
 */
final class StatusLatency {

    private static final int LEARNERS = 200;
    private static final int SENDERS = 6;
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final Context context;
    private final Credits credits;
    private final List<String> learners = Credits.learners("bench-lat", LEARNERS);
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger lost = new AtomicInteger();

    StatusLatency(Context context) {
        this.context = context;
        this.credits = new Credits(context);
    }

    /** Certifies the learners (before any load: it emits events of its own). */
    void prepare() {
        credits.certify(learners);
        learners.forEach(credits::token);
    }

    List<Row> run(KafkaRoundTrip.Result kafka) throws Exception {
        int rate = context.settings.latencyRate();
        Samples warm = new Samples();
        send(rate, context.settings.latencyWarmupSeconds(), warm);
        Samples samples = new Samples();
        lost.set(0);
        CpuMeter.Reading before = context.cpu.read();
        double achieved = send(rate, context.settings.latencySeconds(), samples);
        CpuMeter.Reading after = context.cpu.read();
        String n = String.format(" (%d credits at %.0f/s; %d not readable after 30 s; Kafka: %d of %d lost)", samples.count(), achieved,
                lost.get(), kafka.lost(), kafka.samples().count() + kafka.lost());
        lost.set(0);
        // a tenth of the rate shows the pipeline's own latency, without the queueing of a saturated machine
        int slow = Math.max(1, rate / 10);
        Samples unloaded = new Samples();
        double slowAchieved = send(slow, context.settings.latencySeconds(), unloaded);
        String m = String.format(" (%d credits at %.0f/s; %d lost)", unloaded.count(), slowAchieved, lost.get());
        return List.of(
                new Row("credit 201 -> status readable, p50: Recert vs bare Kafka produce->consume" + n, Row.ms(samples.p50()),
                        Row.ms(kafka.samples().p50()), "< 10 ms", GatewayOverhead.verdict(samples.p50() < 10, Row.ms(samples.p50()))),
                new Row("credit 201 -> status readable, p99: Recert vs bare Kafka produce->consume", Row.ms(samples.p99()),
                        Row.ms(kafka.samples().p99()), "< 50 ms", GatewayOverhead.verdict(samples.p99() < 50, Row.ms(samples.p99()))),
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
                        waiting.put(credit.path("id").asText(), created);
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
        watcher.interrupt();
        watcher.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return achieved;
    }

    private void watch(Samples samples, AtomicReference<Exception> failure) {
        try (Connection connection = context.connect("compliance");
                PreparedStatement query = connection.prepareStatement("select credit_id from learner_credit where credit_id = any(?)")) {
            while (!Thread.currentThread().isInterrupted()) {
                if (waiting.isEmpty()) {
                    Threads.parkUntil(System.nanoTime() + POLL_NANOS);
                    continue;
                }
                String[] ids = waiting.keySet().toArray(String[]::new);
                long polled = System.nanoTime();
                Array array = connection.createArrayOf("text", ids);
                query.setArray(1, array);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Long created = waiting.remove(rows.getString(1));
                        if (created != null) {
                            samples.add(Math.max(0, polled - created));
                        }
                    }
                }
                array.free();
                Threads.parkUntil(polled + POLL_NANOS);
            }
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted()) {
                failure.compareAndSet(null, e);
            }
        }
    }
}
