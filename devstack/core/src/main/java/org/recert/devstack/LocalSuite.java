package org.recert.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The launcher behind {@code ./recert}: {@code up}, {@code down}, {@code status}, {@code token}, {@code help}.
 *
 * <p>{@code up} runs the whole suite on this machine (real PostgreSQL and Kafka, the services from their built
 * jars) until Ctrl-C or {@code down}; {@code ./recert up --detach} runs this same command in the background.
 * It is a command-line tool: what it prints on its standard output is its user interface.
 */
public final class LocalSuite {

    static final int NOT_RUNNING = 3;
    private static final Duration LAUNCHER_STOP_TIMEOUT = Duration.ofSeconds(90);
    // kept strongly reachable: a logger's level is lost when the logger is collected
    private static final Logger DEVSTACK_LOG = Logger.getLogger("org.recert.devstack");

    private final SuiteHome home;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    LocalSuite(SuiteHome home, Map<String, String> env, PrintStream out, PrintStream err) {
        this.home = home;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // the launcher says what happens in its own words; devstack's progress logs are for tests
        DEVSTACK_LOG.setLevel(Level.WARNING);
        SuiteHome home = new SuiteHome(Path.of(System.getProperty("recert.root", ".")));
        int code = new LocalSuite(home, System.getenv(), System.out, System.err).run(List.of(args));
        System.exit(code);
    }

    int run(List<String> args) {
        String command = args.isEmpty() ? "help" : args.get(0);
        List<String> rest = args.subList(Math.min(1, args.size()), args.size());
        try {
            return switch (command) {
                case "up" -> up(rest);
                case "down" -> down();
                case "status" -> status();
                case "token" -> token(rest);
                case "help", "-h", "--help" -> help();
                default -> {
                    err.println("recert: unknown command '" + command + "'");
                    help();
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("recert " + command + ": " + e.getMessage());
            return 2;
        }
    }

    private int up(List<String> args) {
        if (args.contains("--detach")) {
            throw new IllegalArgumentException("--detach is handled by ./recert, which runs this command in the background");
        }
        SuiteOptions options = SuiteOptions.parse(args, env);
        Optional<ProcessHandle> running = home.runningLauncher();
        if (running.isPresent()) {
            err.println("Recert is already running (pid " + running.get().pid() + "): ./recert status, or ./recert down first.");
            return 1;
        }
        home.sweep();
        home.claim();
        SuiteRun run = new SuiteRun(home, options, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!run.isClosed()) {
                out.println("Stopping Recert...");
                run.close();
                out.println("Recert stopped.");
            }
        }, "recert-shutdown"));
        try {
            run.start();
        } catch (RuntimeException e) {
            if (run.isClosed()) {
                return 130; // stopped by Ctrl-C or ./recert down while starting
            }
            err.println("recert up failed: " + e.getMessage());
            run.close();
            return 1;
        }
        run.watchForCrashes();
        try {
            new CountDownLatch(1).await(); // until Ctrl-C or ./recert down: the shutdown hook stops the suite
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int down() {
        Optional<ProcessHandle> running = home.runningLauncher();
        if (running.isEmpty()) {
            home.sweep();
            out.println("Recert is not running.");
            return 0;
        }
        ProcessHandle launcher = running.get();
        long started = System.nanoTime();
        // everything it started, to make sure that nothing outlives it: the services and the broker are its
        // children; PostgreSQL is not (pg_ctl detaches it), its pid is in the run directory
        List<ProcessHandle> stopping = new ArrayList<>(launcher.descendants().toList());
        RunDirectory.readPid(home.dir().resolve("run-" + launcher.pid()).resolve("postgres/postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .ifPresent(stopping::add);
        out.println("Stopping Recert (pid " + launcher.pid() + ")...");
        launcher.destroy();
        try {
            launcher.onExit().get(LAUNCHER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            err.println("The launcher did not stop within " + LAUNCHER_STOP_TIMEOUT.toSeconds() + " s: killing it and what it started.");
            launcher.destroyForcibly();
        }
        List<ProcessHandle> left = new ArrayList<>();
        for (ProcessHandle process : stopping) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                left.add(process);
            }
        }
        home.sweep();
        out.printf("Recert stopped after %.1f s%s.%n", (System.nanoTime() - started) / 1e9,
                left.isEmpty() ? "" : " (killed " + left.size() + " process(es) that did not stop by themselves)");
        return 0;
    }

    private int status() {
        Optional<ProcessHandle> running = home.runningLauncher();
        if (running.isEmpty()) {
            out.println("Recert is not running. Start it with ./recert up");
            return NOT_RUNNING;
        }
        Properties state = home.state();
        if (state.isEmpty()) {
            out.println("Recert is starting (pid " + running.get().pid() + "); logs in .recert/logs/");
            return 0;
        }
        out.println("Recert is running (pid " + running.get().pid() + ").");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (String service : state.getProperty("services", "").split(",")) {
            if (service.isBlank()) {
                continue;
            }
            String port = state.getProperty(service + ".port");
            out.printf("  %-19s http://localhost:%s  %s%n", service, port, readiness(http, port));
        }
        out.printf("  %-19s 127.0.0.1:%s%n", "PostgreSQL", state.getProperty("postgres.port"));
        out.printf("  %-19s 127.0.0.1:%s%n", "Kafka", state.getProperty("kafka.port"));
        out.printf("  %-19s SMTP 127.0.0.1:%s, IMAP 127.0.0.1:%s%n", "Mail (GreenMail)", state.getProperty("smtp.port"),
                state.getProperty("imap.port"));
        home.banner().ifPresent(out::print);
        return 0;
    }

    private static String readiness(HttpClient http, String port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? "ready" : "NOT READY (health " + status + ")";
        } catch (IOException e) {
            return "DOWN (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private int token(List<String> args) {
        String subject = null;
        List<String> groups = List.of();
        String organization = null;
        String provider = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
                case "--sub" -> subject = value;
                case "--groups" -> groups = Arrays.stream(value.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
                case "--org" -> organization = value;
                case "--provider" -> provider = value;
                default -> throw new IllegalArgumentException("unknown option " + flag
                        + " (usage: ./recert token --sub ID --groups learner[,employer] [--org ID] [--provider ID])");
            }
        }
        out.println(LocalTokens.withDevKey().mint(subject, groups, organization, provider));
        return 0;
    }

    private int help() {
        out.print("""
                Usage: ./recert <command>

                  up [--detach] [--no-build] [port flags]
                                               build what is missing or changed, start PostgreSQL, Kafka and
                                               the services, print the URLs and demo tokens; Ctrl-C stops it all.
                                               --detach: run in the background; ./recert down stops it.
                                               --no-build: run the jars as they are.
                  down                         stop a suite started with --detach
                  status                       what runs, and whether each service is ready
                  token --sub ID --groups learner[,employer] [--org ID] [--provider ID]
                                               print a token (12 h) for the local suite
                  test [maven args]            install what the tests need beyond Java, Maven and Node
                                               (docker-compose, kubectl, psql, chromium, chromedriver),
                                               then run every test: ./mvnw -B verify
                  help                         this text

                Ports (flag, or environment variable), defaults in brackets:
                  --gateway-port     RECERT_GATEWAY_PORT     [8080]
                  --catalog-port     RECERT_CATALOG_PORT     [8081]
                  --credits-port     RECERT_CREDITS_PORT     [8082]
                  --compliance-port  RECERT_COMPLIANCE_PORT  [8083]
                  --notifications-port RECERT_NOTIFICATIONS_PORT [8084]
                  --postgres-port    RECERT_POSTGRES_PORT    [15432]
                  --kafka-port       RECERT_KAFKA_PORT       [19092]
                  --smtp-port        RECERT_SMTP_PORT        [3025]  (GreenMail: the services send mail here)
                  --imap-port        RECERT_IMAP_PORT        [3143]  (GreenMail: read the demo users' mail here)

                Services run from their built jars (<module>/target/quarkus-app/quarkus-run.jar) with the
                'local' profile and the demo data of docs/contracts.md; logs go to .recert/logs/.
                """);
        return 0;
    }
}
