package org.recert.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A provider's completion report of 10,000 rows (the demo provider, its own published courses, 10,000 new
 * learners) through the gateway; the same report sent again (every row already recorded); and how long the
 * compliance service takes to absorb the 10,000 credit events, with the statements PostgreSQL ran per reported row over
 * that time. Baseline: the same credits, versions, outbox rows and report rows (and the report's own row) written by
 * plain JDBC in one batched transaction into scratch tables that hold the real tables' foreign keys; three runs, each
 * on fresh tables, the median shown.
 */
final class CompletionReport {

    static final String PROVIDER = "11111111-1111-4111-8111-111111111111";

    private final Context context;
    private final Path statements;
    private final Profiler profiler;

    /**
     * Each statement per reported row goes to {@code statements}; {@code profiler}, when not null, records credits and
     * compliance from the POST until compliance holds every reported credit.
     */
    CompletionReport(Context context, Path statements, Profiler profiler) {
        this.context = context;
        this.statements = statements;
        this.profiler = profiler;
    }

    List<Row> run(String samplePayload) throws Exception {
        int size = context.settings.reportRows();
        String token = context.suite.token("prov-ann", List.of("provider"), null, PROVIDER);
        List<UUID> courses = courses(token);
        LocalDate completedOn = LocalDate.now().minusDays(7);
        List<String> learners = Credits.learners("bench-rep", size);
        String body = report("bench-", learners, courses, completedOn);
        String url = context.gateway + "/api/v1/credits/completion-reports";

        // the report path warmed as the throughput warm-up warms the credit path (its classes loaded, its queries
        // parsed, its JSON readers built), and absorbed by compliance before the measure starts
        int warmUpRows = Math.max(1, size / 10);
        List<String> warmUp = Credits.learners("bench-rwu", warmUpRows);
        Http.expect(context.http.postJson(url, token, report("bench-warm-up-", warmUp, courses, completedOn)), 200);
        if (awaitCompliance("bench-rwu-%", warmUpRows, System.nanoTime()) < 0) {
            throw new IllegalStateException("compliance did not absorb the warm-up report in 5 minutes");
        }

        Connection admin = StatementCounts.superuser(context);
        StatementCounts.reset(admin);
        if (profiler != null) {
            profiler.start(List.of("credits", "compliance"));
        }
        CpuMeter.Reading before = context.cpu.read();
        long started = System.nanoTime();
        HttpResponse<String> first = context.http.postJson(url, token, body);
        long firstNanos = System.nanoTime() - started;
        Http.expect(first, 200);
        int accepted = count(first, "accepted");
        if (count(first, "rejected") > 0) {
            throw new IllegalStateException("the report rejected rows: " + first.body().substring(0, Math.min(800, first.body().length())));
        }
        long absorbed = awaitCompliance("bench-rep-%", size, started);
        CpuMeter.Reading after = context.cpu.read();
        if (profiler != null) {
            profiler.stop();
        }
        Map<String, Double> perRow;
        try (admin) {
            perRow = StatementCounts.perUnit(admin, size, statements, "Statements per reported row (a " + size + "-row report "
                    + "through the gateway, from the POST until compliance held every credit; pg_stat_statements calls / rows; "
                    + "at least 0.01 per row)");
        }

        started = System.nanoTime();
        HttpResponse<String> again = context.http.postJson(url, token, body);
        long againNanos = System.nanoTime() - started;
        Http.expect(again, 200);
        int already = count(again, "alreadyRecorded");

        Samples baselineRuns = jdbcBaseline(learners, courses, samplePayload);
        double baseline = baselineRuns.p50();
        String rowsText = String.format("%,d", size);
        return List.of(
                new Row(rowsText + "-row completion report (JSON, " + String.format("%.1f", body.length() / 1e6) + " MB) through the gateway (after a "
                        + String.format("%,d", warmUpRows) + "-row warm-up report) vs "
                        + "JDBC batch of the same rows (median of " + BASELINE_RUNS + String.format(" runs, %.0f-%.0f ms; ",
                                baselineRuns.percentileMillis(1), baselineRuns.percentileMillis(100))
                        + "scratch tables with the real tables' foreign keys)", Row.ms(firstNanos / 1e6) + String.format(" (%,d accepted)", accepted),
                        Row.ms(baseline), "<= 1.1x the batch", GatewayOverhead.verdict(firstNanos / 1e6 <= 1.1 * baseline,
                                String.format("%.2fx", firstNanos / 1e6 / baseline))),
                new Row("  the same report sent again", Row.ms(againNanos / 1e6) + String.format(" (%,d already recorded)", already),
                        "", "-", ""),
                new Row("  report sent -> all " + rowsText + " credits in compliance's projection, statuses evaluated",
                        absorbed < 0 ? "not all after 5 min" : Row.ms(absorbed / 1e6) + String.format(" (%.0f credits/s)", size / (absorbed / 1e9)),
                        "", "<= 2 s", GatewayOverhead.verdict(absorbed >= 0 && absorbed / 1e9 <= 2, Row.ms(absorbed / 1e6))),
                Context.cpuRow(before, after, size, "reported row, from the POST until compliance held them all, in ms"),
                new Row("  statements PostgreSQL ran per reported row over the same time (pg_stat_statements, polls included; by "
                        + "database: " + StatementCounts.byDatabase(perRow, 2) + "; each statement in " + statements.getFileName() + ")",
                        String.format("%.2f", perRow.values().stream().mapToDouble(Double::doubleValue).sum()), "", "-", ""));
    }

    private List<UUID> courses(String token) {
        HttpResponse<String> response = context.http.get(context.gateway + "/api/v1/catalog/courses?providerId=" + PROVIDER + "&limit=100", token);
        Http.expect(response, 200);
        List<UUID> ids = new ArrayList<>();
        try {
            for (JsonNode course : Context.JSON.readTree(response.body()).path("items")) {
                ids.add(UUID.fromString(course.path("id").asText()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("unreadable course list", e);
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the demo provider " + PROVIDER + " has no published course: is the demo data loaded?");
        }
        return ids;
    }

    /** A count of the answer: {@code accepted}, {@code alreadyRecorded} or {@code rejected}. */
    private static int count(HttpResponse<String> response, String field) {
        try {
            return Context.JSON.readTree(response.body()).path(field).asInt();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable report result", e);
        }
    }

    /** The report's JSON: one row per learner, each on one of {@code courses}, row ids {@code rowIdPrefix + n}. */
    private static String report(String rowIdPrefix, List<String> learners, List<UUID> courses, LocalDate completedOn) throws Exception {
        ArrayNode rows = Context.JSON.createArrayNode();
        for (int i = 0; i < learners.size(); i++) {
            ObjectNode row = rows.addObject();
            row.put("rowId", rowIdPrefix + i);
            row.put("courseId", courses.get(i % courses.size()).toString());
            row.put("learnerId", learners.get(i));
            row.put("completedOn", completedOn.toString());
        }
        return Context.JSON.writeValueAsString(rows);
    }

    /**
     * Nanoseconds from {@code started} until compliance holds {@code size} credits of learners {@code like} the pattern,
     * or -1 after five minutes.
     */
    private long awaitCompliance(String learnerPattern, int size, long started) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        try (Connection connection = context.connect("compliance");
                PreparedStatement query = connection.prepareStatement("select count(*) from learner_credit where learner_id like ?")) {
            query.setString(1, learnerPattern);
            while (System.nanoTime() < deadline) {
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    if (result.getInt(1) >= size) {
                        return System.nanoTime() - started;
                    }
                }
                Threads.parkUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        return -1;
    }

    /** Times the baseline this many times, each on fresh scratch tables; the row shows the median. */
    static final int BASELINE_RUNS = 3;

    /** The duration of each baseline run. */
    private Samples jdbcBaseline(List<String> learners, List<UUID> courses, String payload) throws Exception {
        Samples runs = new Samples();
        for (int run = 0; run < BASELINE_RUNS; run++) {
            runs.add(jdbcBaselineOnce(learners, courses, payload));
        }
        try (Connection connection = context.connect("credits")) {
            Scratch.drop(connection);
        }
        return runs;
    }

    /** Nanoseconds of one baseline run on fresh scratch tables. */
    private long jdbcBaselineOnce(List<String> learners, List<UUID> courses, String payload) throws Exception {
        try (Connection connection = context.connect("credits")) {
            Scratch.createWithForeignKeys(connection);
        }
        try (Scratch scratch = Scratch.writer(context.connect("credits"), payload)) {
            UUID provider = UUID.fromString(PROVIDER);
            UUID report = UUID.randomUUID();
            long started = System.nanoTime();
            for (int i = 0; i < learners.size(); i++) {
                scratch.batchReportedCredit(learners.get(i), i, courses.get(i % courses.size()), provider, report);
                if ((i + 1) % 1000 == 0) {
                    scratch.flushBatchNoCommit();
                }
            }
            scratch.reportRow(report, provider, learners.size());
            scratch.flushBatch();
            return System.nanoTime() - started;
        }
    }
}
