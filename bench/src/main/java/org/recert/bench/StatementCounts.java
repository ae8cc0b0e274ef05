package org.recert.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.recert.devstack.Database;

/**
 * Statements PostgreSQL ran per credit ({@code pg_stat_statements}, which the benchmark's PostgreSQL preloads):
 * credits posted one by one through the gateway, the counters reset before and read once compliance had time to
 * apply them. Everything the suite ran in that window counts, the relay's and consumer's polls included.
 */
final class StatementCounts {

    private static final int CREDITS = 200;
    private static final int PER_SECOND = 50;

    private final Context context;
    private final Credits credits;
    private final Path report;
    private final List<String> learners;
    private String sampleCredit;

    /** Credits go to {@code learners} in turn: certified ones make every credit re-evaluate a stored status. */
    StatementCounts(Context context, Path report, List<String> learners) {
        this.context = context;
        this.credits = new Credits(context);
        this.report = report;
        this.learners = learners;
    }

    /** A credit as the gateway answered it (the size of a credit event), once {@link #run} ran. */
    String sampleCredit() {
        return sampleCredit;
    }

    List<Row> run() throws Exception {
        try (Connection admin = superuser(context)) {
            reset(admin);
            long eventsBefore = StatusEvents.published(context);
            long next = System.nanoTime();
            for (int i = 0; i < CREDITS; i++) {
                String learner = learners.get(i % learners.size());
                var response = context.http.postCredit(credits.url(learner), credits.token(learner), Credits.body(900_000 + i));
                Http.expect(response, 201);
                sampleCredit = response.body();
                next += TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
                Threads.parkUntil(next);
            }
            // compliance applies a credit within milliseconds at this rate; a second more covers the last one
            Threads.parkUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            return read(admin, (StatusEvents.published(context) - eventsBefore) / (double) CREDITS);
        }
    }

    private List<Row> read(Connection admin, double eventsPerCredit) throws Exception {
        Map<String, Double> perDatabase = perUnit(admin, CREDITS, report, "Statements per credit (" + CREDITS + " credits at "
                + PER_SECOND + "/s through the gateway; pg_stat_statements calls / credits; at least 0.01 per credit)");
        double total = perDatabase.values().stream().mapToDouble(Double::doubleValue).sum();
        return List.of(new Row("statements PostgreSQL ran per credit (pg_stat_statements, " + CREDITS + " credits at " + PER_SECOND
                + "/s, polls included; by database: " + byDatabase(perDatabase, 1) + "; " + String.format("%.2f", eventsPerCredit)
                + " compliance.status.v1 events per credit; each statement in bench/target/statements.md)",
                String.format("%.1f", total), "", "-", ""));
    }

    /** Zeroes the counters (creating the extension the first time). */
    static void reset(Connection admin) throws Exception {
        try (Statement statement = admin.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * Statements run since {@link #reset}, per unit of work, by database; each statement of at least 0.01 calls or
     * 0.001 ms of execution per unit written to {@code report} under {@code title}, with its execution time per unit.
     */
    static Map<String, Double> perUnit(Connection admin, int units, Path report, String title) throws Exception {
        Map<String, Double> perDatabase = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder(title + "\n\n| database | per unit | rows per call | ms per unit | slowest call, ms | statement |\n|---|---|---|---|---|---|\n");
        try (PreparedStatement query = admin.prepareStatement("""
                select d.datname, s.calls, s.rows, regexp_replace(s.query, '\\s+', ' ', 'g'), s.total_exec_time, s.max_exec_time
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where s.query not like '%pg_stat_statements%'
                order by d.datname, s.calls desc""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                double perOne = rows.getLong(2) / (double) units;
                perDatabase.merge(rows.getString(1), perOne, Double::sum);
                if (perOne >= 0.01 || rows.getDouble(5) / units >= 0.001) {
                    String text = rows.getString(4);
                    out.append(String.format("| %s | %.2f | %.1f | %.4f | %.1f | `%s` |%n", rows.getString(1), perOne,
                            rows.getLong(3) / (double) Math.max(1, rows.getLong(2)), rows.getDouble(5) / units, rows.getDouble(6),
                            text.length() > 160 ? text.substring(0, 160) + "..." : text));
                }
            }
        }
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString());
        return perDatabase;
    }

    /** "catalog 0.1, compliance 6.2, ..." with {@code decimals} places. */
    static String byDatabase(Map<String, Double> perDatabase, int decimals) {
        List<String> split = new ArrayList<>();
        perDatabase.forEach((db, n) -> split.add(String.format("%s %." + decimals + "f", db, n)));
        return String.join(", ", split);
    }

    /** The server's superuser (devstack's PostgreSQL trusts local connections): the extension and its counters need it. */
    static Connection superuser(Context context) throws Exception {
        Database credits = context.suite.database("credits");
        return DriverManager.getConnection(credits.jdbcUrl(), "postgres", "");
    }
}
