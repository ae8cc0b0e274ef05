package org.recert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The learner dashboard ({@code GET /api/v1/me/dashboard} through the gateway: status and plan per credential) by 8
 * concurrent learners, against the same learners' GET status straight to compliance by as many clients.
 */
final class Dashboard {

    private static final int CLIENTS = 8;
    private static final String DASHBOARD = "/api/v1/me/dashboard";
    /** Dashboards asked one after another while PostgreSQL counts their statements. */
    private static final int COUNTED = 100;
    /** The services a dashboard's requests run in, whose JIT compiler threads' CPU is told apart. */
    private static final List<String> SERVED_BY = List.of("gateway", "compliance", "credits");
    /**
     * Dashboards asked before the measure when set (otherwise as many as GET status is warmed with, 10,000): a shorter
     * warm-up, 1,000 say, shows how much of a dashboard's CPU is still the JIT compiler's.
     */
    private static final String WARMUP = "BENCH_DASHBOARD_WARMUP";

    private final Context context;
    private final Credits credits;
    private final Profiler profiler;
    private final Path statementsReport;

    /** {@code profiler}, when not null, records the four services during the measured dashboard load. */
    Dashboard(Context context, Profiler profiler, Path statementsReport) {
        this.statementsReport = statementsReport;
        this.context = context;
        this.credits = new Credits(context);
        this.profiler = profiler;
    }

    /** {@code learners}: certified learners with credits (the latency run's). */
    List<Row> run(List<String> learners) throws Exception {
        int requests = Math.max(CLIENTS * 10, context.settings.statusRequests() / 2);
        String status = context.service("compliance") + "/api/v1/compliance/learners/%s/status?credential=CMA_AAMA";
        // the paths only the dashboard takes (compliance's overview, credits' page) are compiled in this warm-up alone
        int warmup = System.getenv(WARMUP) == null ? context.settings.statusWarmup() : Integer.parseInt(System.getenv(WARMUP));
        load(learners, warmup, null, null);
        Samples dashboard = new Samples();
        if (profiler != null) {
            profiler.start(List.of("gateway", "compliance", "credits", "catalog"));
        }
        Map<String, Long> compilingBefore = compilerTicks();
        CpuMeter.Reading before = context.cpu.read();
        load(learners, requests, dashboard, null);
        CpuMeter.Reading after = context.cpu.read();
        Map<String, Long> compilingAfter = compilerTicks();
        if (profiler != null) {
            profiler.stop();
        }
        Samples direct = new Samples();
        load(learners, requests, direct, status);
        return List.of(new Row("learner dashboard, p50 / p99 (" + CLIENTS + " concurrent learners, n=" + dashboard.count()
                + "): gateway vs GET status straight to compliance by as many clients",
                Row.ms(dashboard.p50()) + " / " + Row.ms(dashboard.p99()), Row.ms(direct.p50()) + " / " + Row.ms(direct.p99()),
                "p99 <= 50 ms", GatewayOverhead.verdict(dashboard.p99() <= 50, Row.ms(dashboard.p99()))),
                Context.cpuRow(before, after, dashboard.count(), "dashboard (8 clients, after " + warmup + " warm-up dashboards), in ms"),
                compiling(compilingBefore, compilingAfter, dashboard.count()),
                statements(learners));
    }

    /** Of the CPU above, what the services' JIT compiler threads spent: compiling is warm-up, not a request's cost. */
    private static Row compiling(Map<String, Long> before, Map<String, Long> after, long dashboards) {
        StringBuilder out = new StringBuilder("  of which the JIT compiler threads, ms per dashboard:");
        SERVED_BY.forEach(service -> out.append(String.format(" %s %.2f", service,
                (after.get(service) - before.get(service)) * 10.0 / dashboards))); // USER_HZ 100: a tick is 10 ms
        return new Row(out.toString(), "", "", "", "");
    }

    /** utime + stime ticks of each service's C1 and C2 compiler threads, from /proc/<pid>/task/<tid>/stat. */
    private Map<String, Long> compilerTicks() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String service : SERVED_BY) {
            long sum = 0;
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(context.suite.pid(service)), "task"))) {
                for (Path thread : threads.toList()) {
                    try {
                        String stat = Files.readString(thread.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException e) {
                        // the thread ended between the listing and the read
                    }
                }
            }
            ticks.put(service, sum);
        }
        return ticks;
    }

    /** Statements PostgreSQL ran per dashboard, {@value #COUNTED} of them asked one by one, each statement in the report. */
    private Row statements(List<String> learners) throws Exception {
        try (Connection admin = StatementCounts.superuser(context)) {
            StatementCounts.reset(admin);
            for (int i = 0; i < COUNTED; i++) {
                String learner = learners.get(i % learners.size());
                Http.expect(context.http.get(context.gateway + DASHBOARD, credits.token(learner)), 200);
            }
            var perDatabase = StatementCounts.perUnit(admin, COUNTED, statementsReport, "Statements per dashboard (" + COUNTED
                    + " dashboards one by one through the gateway; pg_stat_statements calls / dashboards, background polls included)");
            double total = perDatabase.values().stream().mapToDouble(Double::doubleValue).sum();
            return new Row("  statements PostgreSQL ran per dashboard (" + COUNTED + " one by one; by database: " + StatementCounts.byDatabase(perDatabase, 1)
                    + "; each statement in bench/target/" + statementsReport.getFileName() + ")", String.format("%.1f", total), "", "", "");
        }
    }

    /** {@code count} GETs by the clients, each as its own learner: the dashboard, or {@code statusUrl} when given. */
    private void load(List<String> learners, int count, Samples samples, String statusUrl) throws InterruptedException {
        Threads.share("bench-dashboard", CLIENTS, count, (client, n) -> {
            String learner = learners.get(client % learners.size());
            String url = statusUrl == null ? context.gateway + DASHBOARD : String.format(statusUrl, learner);
            long started = System.nanoTime();
            var response = context.http.get(url, credits.token(learner));
            long elapsed = System.nanoTime() - started;
            Http.expect(response, 200);
            if (samples != null) {
                samples.add(elapsed);
            }
        });
    }
}
