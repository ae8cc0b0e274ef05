package org.recert.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Credits recorded per second through the gateway by a few concurrent clients (each POST with its own
 * Idempotency-Key, spread over many learners), against plain JDBC inserts of the same rows into scratch tables of
 * the same PostgreSQL database by as many threads.
 */
final class CreditThroughput {

    private static final int LEARNERS = 500;

    private final Context context;
    private final Credits credits;
    private final List<String> learners = Credits.learners("bench-tp", LEARNERS);
    private final AtomicReference<String> sampleCredit = new AtomicReference<>();
    private final AtomicInteger posted = new AtomicInteger();
    private volatile long lastCreated;
    private CpuMeter.Reading jdbcBefore;
    private CpuMeter.Reading jdbcAfter;

    private final Profiler profiler;

    /** {@code profiler}, when not null, records the services during the measured run through the gateway. */
    CreditThroughput(Context context, Profiler profiler) {
        this.context = context;
        this.credits = new Credits(context);
        this.profiler = profiler;
    }

    /**
     * Posts the warm-up's credits through the gateway as fast as the clients go (enough for the C2 compiler to finish
     * with the request path, the relay and the consumer), and waits until compliance has handled their events.
     */
    void warmUp() throws Exception {
        learners.forEach(credits::token);
        post(context.settings.creditWarmup(), context.settings.creditClients(), null, context.gateway);
        // the warm-up's events handled before the measure starts, so that their handling is not counted in it
        awaitAbsorbed();
    }

    List<Row> run() throws Exception {
        int clients = context.settings.creditClients();
        warmUp();
        if (profiler != null) {
            profiler.start(List.of("gateway", "credits", "compliance"));
        }
        Samples latency = new Samples();
        CpuMeter.Reading before = context.cpu.read();
        long started = System.nanoTime();
        post(context.settings.credits(), clients, latency, context.gateway);
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Reading after = context.cpu.read();
        double throughput = context.settings.credits() / seconds;
        if (profiler != null) {
            profiler.stop();
        }

        // the same load straight to the credits service tells the gateway's share from the service's
        String direct = context.service("credits");
        CpuMeter.Reading beforeDirect = context.cpu.read();
        started = System.nanoTime();
        post(context.settings.credits(), clients, null, direct);
        double directThroughput = context.settings.credits() / ((System.nanoTime() - started) / 1e9);
        CpuMeter.Reading afterDirect = context.cpu.read();

        double baseline = jdbcBaseline(context.settings.credits(), clients);
        double ratio = throughput / baseline;
        return List.of(
                new Row("credits recorded per second: gateway POST vs JDBC inserts of the same rows (" + clients + " clients, "
                        + context.settings.credits() + " credits)", String.format("%.0f /s", throughput), String.format("%.0f /s", baseline),
                        ">= 25% of JDBC", GatewayOverhead.verdict(ratio >= 0.25, String.format("%.0f%% of JDBC", ratio * 100))),
                new Row("  POST credit latency under that load, p50 / p99", Row.ms(latency.p50()) + " / " + Row.ms(latency.p99()),
                        "", "-", ""),
                Context.cpuRow(before, after, context.settings.credits(), "credit through the gateway, in ms"),
                new Row("CPU per credit, whole suite and client, through the gateway (the line above)",
                        String.format("%.2f ms", CpuMeter.totalPerUnit(before, after, context.settings.credits())),
                        String.format("%.2f ms (JDBC)", CpuMeter.totalPerUnit(jdbcBefore, jdbcAfter, context.settings.credits())), "<= 1.5 ms",
                        GatewayOverhead.verdict(CpuMeter.totalPerUnit(before, after, context.settings.credits()) <= 1.5,
                                String.format("%.2f ms", CpuMeter.totalPerUnit(before, after, context.settings.credits())))),
                new Row("  the same load straight to the credits service (no gateway)", String.format("%.0f /s", directThroughput),
                        String.format("%.0f /s", baseline), "-", String.format("%.0f%% of JDBC", directThroughput / baseline * 100)),
                Context.cpuRow(beforeDirect, afterDirect, context.settings.credits(), "credit straight to credits, in ms"),
                Context.cpuRow(jdbcBefore, jdbcAfter, context.settings.credits(), "credit of the JDBC baseline, in ms"));
    }

    private void post(int count, int clients, Samples samples, String base) throws InterruptedException {
        Threads.share("bench-credits", clients, count, (client, n) -> {
            String learner = learners.get(n % LEARNERS);
            long t0 = System.nanoTime();
            HttpResponse<String> response = context.http.postCredit(credits.url(base, learner), credits.token(learner), Credits.body(n));
            long elapsed = System.nanoTime() - t0;
            Http.expect(response, 201);
            posted.incrementAndGet();
            lastCreated = System.nanoTime();
            sampleCredit.compareAndSet(null, response.body());
            if (samples != null) {
                samples.add(elapsed);
            }
        });
    }

    /** The same number of credits written by as many threads, each credit in its own transaction. */
    private double jdbcBaseline(int count, int clients) throws Exception {
        try (Connection connection = context.connect("credits")) {
            Scratch.create(connection);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Scratch> writers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            writers.add(Scratch.writer(context.connect("credits"), sampleCredit.get()));
        }
        // warm the connections and the statements the same way the services were warmed
        for (int i = 0; i < context.settings.creditWarmup(); i++) {
            writers.get(i % clients).recordCredit(learners.get(i % LEARNERS), i);
        }
        List<Thread> threads = new ArrayList<>();
        jdbcBefore = context.cpu.read();
        long started = System.nanoTime();
        for (Scratch writer : writers) {
            threads.add(Threads.start("bench-jdbc", () -> {
                int n;
                while ((n = next.getAndIncrement()) < count && failure.get() == null) {
                    try {
                        writer.recordCredit(learners.get(n % LEARNERS), n);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        jdbcAfter = context.cpu.read();
        for (Scratch writer : writers) {
            writer.close();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return count / seconds;
    }

    /**
     * Waits until the compliance service holds every credit of this run (two minutes at most): how far behind the
     * ledger its projection fell at full speed.
     */
    Row awaitAbsorbed() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (Connection connection = context.connect("compliance");
                PreparedStatement query = connection.prepareStatement("select count(*) from learner_credit where learner_id like 'bench-tp-%'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    if (result.getInt(1) >= posted.get()) {
                        double lag = (System.nanoTime() - lastCreated) / 1e6;
                        return new Row("  compliance caught up with the throughput run, after its last 201", Row.ms(lag), "", "-", "");
                    }
                }
                Threads.parkUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        return new Row("  compliance caught up with the throughput run, after its last 201", "not after 2 min", "", "-", "");
    }

    String sampleCredit() {
        return sampleCredit.get();
    }
}
