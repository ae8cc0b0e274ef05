package org.recert.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code bench/run}: starts the suite on devstack, warms it, measures, and prints a table of medians and p99s, each
 * beside a baseline measured in the same run. Progress goes to stderr, the table to stdout and to
 * {@code bench/target/results.md}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Held, so that the level set on it stays: the suite's start banner is not the benchmark's output. */
    /** The rows {@code --only} can pick. */
    static final Set<String> ONLY_ROWS = Set.of("get", "dashboard", "latency", "report", "roster", "starts");
    /** {@code --only starts}: restarts per service, the median reported. */
    private static final int STARTS = 3;

    private static final Logger DEVSTACK_LOG = Logger.getLogger("org.recert.devstack");

    public static void main(String[] args) throws Exception {
        DEVSTACK_LOG.setLevel(Level.WARNING);
        boolean quick = List.of(args).contains("--quick");
        boolean profile = List.of(args).contains("--profile");
        Set<String> only = only(args);
        Context.Settings settings = quick ? Context.Settings.quick() : Context.Settings.full();
        Path root = Path.of(System.getProperty("recert.root", ".")).toAbsolutePath().normalize();
        Path runDirectory = root.resolve("bench/target/run");

        String loadBefore = Machine.loadAverage();
        Instant began = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        progress("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + Machine.memory() + ", load " + loadBefore);
        progress("starting the suite on devstack (" + runDirectory + ")");
        long started = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        try (SuiteAccess suite = DevstackSuite.start(root, runDirectory, gatewayEnvironment())) {
            double suiteStart = (System.nanoTime() - started) / 1e9;
            Context context = new Context(suite, settings, new CpuMeter(runDirectory));

            if (only.isEmpty()) {
                runAll(context, profile, root, suiteStart, rows);
            } else {
                runOnly(only, context, rows,
                        profile ? new Profiler(context, root.resolve("bench/target/profile")) : null, root);
            }
        }
        write(root, rows, settings, quick, began, loadBefore);
    }

    /** Every row, in an order where each measurement finds the state the earlier ones left. */
    private static void runAll(Context context, boolean profile, Path root, double suiteStart, List<Row> rows) throws Exception {
        Context.Settings settings = context.settings;
        progress("service start times and memory (each service restarted alone)");
        ServiceStarts starts = new ServiceStarts(context, root.resolve("bench/target/memory"));
        starts.run();

        progress("gateway overhead on GET status");
        rows.addAll(new GatewayOverhead(context, null).run());

        StatusLatency latency = new StatusLatency(context);
        progress("certifying the latency learners");
        latency.prepare();

        progress("credits per second: gateway, then JDBC");
        CreditThroughput throughput = new CreditThroughput(context,
                profile ? new Profiler(context, root.resolve("bench/target/profile")) : null);
        rows.addAll(throughput.run());
        progress("waiting for compliance to absorb the throughput run's events");
        rows.add(throughput.awaitAbsorbed());

        progress("statements per credit");
        rows.addAll(new StatementCounts(context, root.resolve("bench/target/statements.md"),
                Credits.learners("bench-tp", 50)).run());

        progress("bare Kafka round trip");
        KafkaRoundTrip.Result kafka = new KafkaRoundTrip(context).run(throughput.sampleCredit().length());
        progress("credit -> readable status at " + settings.latencyRate() + "/s");
        rows.addAll(latency.run(kafka));

        progress("learner dashboard");
        rows.addAll(new Dashboard(context, null, root.resolve("bench/target/dashboard-statements.md")).run(latency.learners()));

        progress("completion report of " + settings.reportRows() + " rows");
        rows.addAll(new CompletionReport(context, root.resolve("bench/target/report-statements.md"), null)
                .run(throughput.sampleCredit()));

        progress("roster");
        rows.addAll(new Roster(context, null).run());

        starts.after();
        rows.addAll(starts.rows());
        rows.add(new Row("whole suite start (PostgreSQL, Kafka, 3 services in parallel, then the gateway)",
                String.format("%.1f s", suiteStart), "", "-", ""));
    }

    /**
     * The rows that {@code --only} names, on a fresh suite: the dashboard's learners are certified and hold no credits.
     * With {@code profiler}, the dashboard's measured load is recorded (the four services), the latency row's run at
     * the full rate (gateway, credits, compliance, notification-service), for get and roster a loop of gateway calls
     * after their measure (gateway and compliance), and the report's credits and compliance from its POST until
     * compliance holds every reported credit.
     */
    private static void runOnly(Set<String> only, Context context, List<Row> rows, Profiler profiler, Path root) throws Exception {
        ServiceStarts starts = new ServiceStarts(context, root.resolve("bench/target/memory"));
        if (only.contains("starts")) {
            progress("service start times and memory (each service restarted alone, " + STARTS + " times)");
            starts.run(STARTS);
        }
        if (only.contains("get")) {
            progress("gateway overhead on GET status");
            rows.addAll(new GatewayOverhead(context, profiler).run());
        }
        if (only.contains("roster")) {
            progress("roster");
            rows.addAll(new Roster(context, profiler).run());
        }
        if (only.contains("dashboard")) {
            StatusLatency latency = new StatusLatency(context);
            progress("certifying the dashboard's learners");
            latency.prepare();
            progress("learner dashboard");
            rows.addAll(new Dashboard(context, profiler, root.resolve("bench/target/dashboard-statements.md")).run(latency.learners()));
        }
        if (only.contains("latency")) {
            // the whole run's throughput warm-up first: the latency row's own warm-up (3,000 credits) leaves the C2
            // compiler working through the measured window, which then counts its CPU and waits
            progress("warm-up: " + context.settings.creditWarmup() + " credits through the gateway");
            new CreditThroughput(context, null).warmUp();
            StatusLatency latency = new StatusLatency(context, profiler);
            progress("certifying the latency learners");
            latency.prepare();
            // here the statements are counted on the certified latency learners: each credit re-evaluates a status
            progress("statements per credit (certified learners)");
            StatementCounts statements = new StatementCounts(context, root.resolve("bench/target/statements.md"), latency.learners());
            rows.addAll(statements.run());
            progress("bare Kafka round trip");
            KafkaRoundTrip.Result kafka = new KafkaRoundTrip(context).run(statements.sampleCredit().length());
            progress("credit -> readable status at " + context.settings.latencyRate() + "/s");
            rows.addAll(latency.run(kafka));
        }
        if (only.contains("report")) {
            // the whole run's throughput warm-up first, as there the report follows it
            progress("warm-up: " + context.settings.creditWarmup() + " credits through the gateway");
            CreditThroughput warmUp = new CreditThroughput(context, null);
            warmUp.warmUp();
            progress("completion report of " + context.settings.reportRows() + " rows");
            rows.addAll(new CompletionReport(context, root.resolve("bench/target/report-statements.md"), profiler)
                    .run(warmUp.sampleCredit()));
        }
        if (only.contains("starts")) {
            starts.after();
            rows.addAll(starts.rows());
        }
    }

    /**
     * {@code --only get,dashboard,latency}: just those rows (about two minutes each with the suite's start); empty for a
     * whole run.
     */
    static Set<String> only(String[] args) {
        List<String> list = List.of(args);
        int at = list.indexOf("--only");
        if (at < 0) {
            return Set.of();
        }
        if (at + 1 >= list.size()) {
            throw new IllegalArgumentException("--only needs a list of rows: " + ONLY_ROWS);
        }
        Set<String> rows = new LinkedHashSet<>(List.of(list.get(at + 1).split(",")));
        if (rows.isEmpty() || !ONLY_ROWS.containsAll(rows)) {
            throw new IllegalArgumentException("--only takes some of " + ONLY_ROWS + ", not " + list.get(at + 1));
        }
        return rows;
    }

    /** Prints the table and writes it to bench/target/results.md, whatever rows a run got to. */
    private static void write(Path root, List<Row> rows, Context.Settings settings, boolean quick, Instant began, String loadBefore)
            throws java.io.IOException {
        String table = render(rows, settings, quick, began, loadBefore, Machine.loadAverage());
        System.out.print(table);
        Path out = root.resolve("bench/target/results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        progress("table written to " + root.relativize(out));
    }

    /** Rate limits far above what the benchmark sends: the budgets are still checked on every request. */
    static Map<String, String> gatewayEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String group : List.of("CATALOG", "CREDITS", "COMPLIANCE", "BULK", "EXPENSIVE", "ME")) {
            env.put("RECERT_GATEWAY_RATE_LIMITS_" + group + "_LIMIT", "1000000000");
        }
        return env;
    }

    static String render(List<Row> rows, Context.Settings settings, boolean quick, Instant began, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append("Run of ").append(began).append(quick ? " (--quick: small sizes, figures not representative)" : "").append('\n');
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (").append(Machine.cpu()).append("), ")
                .append(Machine.memory()).append(" RAM, ").append(Machine.java()).append('\n');
        out.append("Load average (1, 5, 15 min): ").append(loadBefore).append(" before, ").append(loadAfter).append(" after\n\n");
        out.append("| measure | Recert | baseline (same run) | goal | verdict |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.measure()).append(" | ").append(row.recert()).append(" | ").append(row.baseline()).append(" | ")
                    .append(row.goal()).append(" | ").append(row.verdict()).append(" |\n");
        }
        return out.toString();
    }

    static void progress(String message) {
        System.err.println("bench: " + message);
    }
}
