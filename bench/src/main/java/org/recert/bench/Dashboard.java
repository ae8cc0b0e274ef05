package org.recert.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * The learner dashboard ({@code GET /api/v1/me/dashboard} through the gateway: status and plan per credential) by 8
 * concurrent learners, against the same learners' GET status straight to compliance by as many clients.
 */
final class Dashboard {

    private static final int CLIENTS = 8;
    private static final String DASHBOARD = "/api/v1/me/dashboard";
    /** Dashboards asked one after another while PostgreSQL counts their statements. */
    private static final int COUNTED = 100;

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
        load(learners, requests / 2, null, null);
        Samples dashboard = new Samples();
        if (profiler != null) {
            profiler.start(List.of("gateway", "compliance", "credits", "catalog"));
        }
        CpuMeter.Reading before = context.cpu.read();
        load(learners, requests, dashboard, null);
        CpuMeter.Reading after = context.cpu.read();
        if (profiler != null) {
            profiler.stop();
        }
        Samples direct = new Samples();
        load(learners, requests, direct, status);
        return List.of(new Row("learner dashboard, p50 / p99 (" + CLIENTS + " concurrent learners, n=" + dashboard.count()
                + "): gateway vs GET status straight to compliance by as many clients",
                Row.ms(dashboard.p50()) + " / " + Row.ms(dashboard.p99()), Row.ms(direct.p50()) + " / " + Row.ms(direct.p99()),
                "p99 <= 50 ms", GatewayOverhead.verdict(dashboard.p99() <= 50, Row.ms(dashboard.p99()))),
                Context.cpuRow(before, after, dashboard.count(), "dashboard (8 clients), in ms"),
                statements(learners));
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
