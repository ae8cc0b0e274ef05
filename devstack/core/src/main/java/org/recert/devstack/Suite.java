package org.recert.devstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The whole suite, started from the services' built jars as {@code ./recert up} starts it, but on free ports and
 * with hooks for system and fault tests: stop, kill and start a service, the broker or PostgreSQL, and run more
 * replicas of a service.
 *
 * <p>One suite per JVM at a time (its run directory is named after the JVM's pid). Services are known by their
 * keys: {@code catalog}, {@code credits}, {@code compliance}, {@code notifications} and {@code gateway}.
 */
public final class Suite implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Suite.class.getName());
    private static final Set<String> DATABASES = Set.of("catalog", "credits", "compliance", "notifications");

    private final SuiteRun run;
    private final SuiteHome home;
    private final SuiteOptions ports;
    private final LocalTokens tokens = LocalTokens.withDevKey();

    private Suite(SuiteRun run, SuiteHome home, SuiteOptions ports) {
        this.run = run;
        this.home = home;
        this.ports = ports;
    }

    /**
     * How to start a suite.
     *
     * @param repositoryRoot the checkout whose {@code <module>/target/quarkus-app/quarkus-run.jar} are run
     * @param runDirectory where logs, PostgreSQL's data and the broker's data go
     * @param demoData whether the services load the demo data of docs/contracts.md
     * @param extraEnvironment settings per service key ({@code catalog}, ..., {@code gateway}), applied after the
     *                         launcher's own, e.g. {@code compliance -> RECERT_CONSUMER_DELIVER_TWICE=true}
     * @param productionJvm run the services' JVMs as the images do (C1 and C2 compilers, the default collector)
     *                      rather than tuned for a quick start (C1 only, serial collector): for benchmarks
     * @param identityProvider start Keycloak with the recert realm (whose tokens the services then trust besides the
     *                         dev key's) and the web app, as {@code ./recert up} does: for tests that sign in
     */
    public record Options(Path repositoryRoot, Path runDirectory, boolean demoData,
                          Map<String, Map<String, String>> extraEnvironment, boolean productionJvm,
                          boolean identityProvider) {

        public Options {
            repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
            runDirectory = runDirectory.toAbsolutePath().normalize();
            Map<String, Map<String, String>> copy = new LinkedHashMap<>();
            extraEnvironment.forEach((service, env) -> copy.put(service, Map.copyOf(env)));
            extraEnvironment = Map.copyOf(copy);
        }

        /** Demo data on, no extra settings, run directory {@code target/suite} of the repository. */
        public static Options defaults(Path repositoryRoot) {
            return new Options(repositoryRoot, repositoryRoot.resolve("target/suite"), true, Map.of(), false, false);
        }

        public Options withRunDirectory(Path directory) {
            return new Options(repositoryRoot, directory, demoData, extraEnvironment, productionJvm, identityProvider);
        }

        public Options withDemoData(boolean enabled) {
            return new Options(repositoryRoot, runDirectory, enabled, extraEnvironment, productionJvm, identityProvider);
        }

        /** These options plus one setting for one service (by key). */
        public Options withEnvironment(String service, String name, String value) {
            Map<String, Map<String, String>> copy = new LinkedHashMap<>(extraEnvironment);
            Map<String, String> env = new LinkedHashMap<>(copy.getOrDefault(service, Map.of()));
            env.put(name, value);
            copy.put(service, env);
            return new Options(repositoryRoot, runDirectory, demoData, copy, productionJvm, identityProvider);
        }

        /** These options with the services' JVMs run as in production (see {@link #productionJvm()}). */
        public Options withProductionJvm() {
            return new Options(repositoryRoot, runDirectory, demoData, extraEnvironment, true, identityProvider);
        }

        /** These options with Keycloak and the web app (see {@link #identityProvider()}). */
        public Options withIdentityProvider() {
            return new Options(repositoryRoot, runDirectory, demoData, extraEnvironment, productionJvm, true);
        }
    }

    /**
     * Starts PostgreSQL, Kafka, the domain services and the gateway on free ports and waits until all are
     * ready. Fails, leaving nothing running, when a jar is missing or a service does not get ready.
     */
    public static Suite start(Options options) {
        SuiteOptions ports = freePorts();
        SuiteHome home = new SuiteHome(options.repositoryRoot(), options.runDirectory());
        SuiteRun run = new SuiteRun(home, ports,
                new SuiteRun.Launch(options.demoData(), false, true, options.extraEnvironment(),
                        options.productionJvm() ? ServiceProcess.PRODUCTION_JVM : ServiceProcess.QUICK_START_JVM,
                        options.identityProvider()), new PrintStream(
                        new LogLines(), true, StandardCharsets.UTF_8));
        try {
            run.start();
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        return new Suite(run, home, ports);
    }

    /** The gateway, {@code http://127.0.0.1:<port>}. */
    public String gatewayUrl() {
        return serviceUrl("gateway");
    }

    /** The web app through the gateway, {@code http://localhost:<gateway port>} (the origin Keycloak redirects to). */
    public String webUrl() {
        return "http://localhost:" + run.process("gateway").service().port();
    }

    /** Keycloak with the recert realm; fails when the suite was started without {@link Options#withIdentityProvider()}. */
    public KeycloakServer keycloak() {
        KeycloakServer keycloak = run.keycloak();
        if (keycloak == null) {
            throw new IllegalStateException("this suite runs without Keycloak: start it with Options.withIdentityProvider()");
        }
        return keycloak;
    }

    /** A service straight, bypassing the gateway: {@code catalog}, {@code credits}, {@code compliance} (or {@code gateway}). */
    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + run.process(service).service().port();
    }

    /** A bearer token (12 h) signed with the dev key, which the suite's services trust. */
    public String token(String sub, Set<String> groups, String org, String provider) {
        return tokens.mint(sub, groups.stream().sorted().toList(), org, provider);
    }

    /** A learner's bearer token carrying their address in the {@code email} claim, as the identity provider's do. */
    public String learnerToken(String sub, String email) {
        return tokens.mint(sub, List.of("learner"), null, null, email);
    }

    /** The mail server (SMTP and IMAP) that notification-service sends through. */
    public MailServer mail() {
        return run.mail();
    }

    /** Kills a service (SIGKILL), as a crash would. */
    public void killService(String service) {
        run.kill(service);
    }

    /** Stops a service gracefully (SIGTERM). */
    public void stopService(String service) {
        run.stop(service);
    }

    /** Starts a stopped or killed service again on the same port with the same settings; waits until it is ready. */
    public void startService(String service) {
        run.restart(service);
    }

    /**
     * Starts one more instance of a service, as a second replica of its deployment: the same database, Kafka and
     * settings as the suite's instance, its own free port and log. Waits until it is ready. {@link #close()} stops
     * it with the rest; {@link Replica#close()} sooner.
     */
    public Replica startReplica(String service) {
        return startReplica(service, Map.of());
    }

    /** As {@link #startReplica(String)}, with {@code environment} set after the suite's settings for the service. */
    public Replica startReplica(String service, Map<String, String> environment) {
        return new Replica(run, run.startReplica(service, environment));
    }

    /** The Kafka broker: {@code stop()}, {@code start()}, {@code kill()}, {@code restart()} keep its address and data. */
    public KafkaBroker broker() {
        return run.stack().broker();
    }

    public String bootstrapServers() {
        return run.stack().bootstrapServers();
    }

    /** Stops PostgreSQL (all the services' databases), keeping its data. */
    public void stopPostgres() {
        run.stack().stopPostgres();
    }

    /** Starts PostgreSQL again on the same port with the same data. */
    public void startPostgres() {
        run.stack().startPostgres();
    }

    /** The JDBC coordinates of a service's database: {@code catalog}, {@code credits}, {@code compliance} or {@code notifications}. */
    public Database database(String name) {
        if (!DATABASES.contains(name)) {
            throw new IllegalArgumentException("no database " + name + "; one of " + DATABASES);
        }
        return new Database("jdbc:postgresql://127.0.0.1:" + ports.postgresPort() + "/" + name, name, name);
    }

    /** A service's log file (its whole output, restarts appended). */
    public Path log(String service) {
        return run.process(service).log();
    }

    /** Where this suite keeps its logs and data. */
    public Path runDirectory() {
        return home.dir();
    }

    /** Stops the gateway, the services, Kafka and PostgreSQL, and deletes the data; safe to call twice. */
    @Override
    public void close() {
        run.close();
    }

    /** An extra instance of a service, from {@link #startReplica(String)}. */
    public static final class Replica implements AutoCloseable {

        private final SuiteRun run;
        private final ServiceProcess process;

        private Replica(SuiteRun run, ServiceProcess process) {
            this.run = run;
            this.process = process;
        }

        /** The service's key: {@code catalog}, {@code credits}, ... */
        public String service() {
            return process.service().key();
        }

        /** This instance, {@code http://127.0.0.1:<port>}. */
        public String url() {
            return "http://127.0.0.1:" + process.service().port();
        }

        public long pid() {
            return process.pid();
        }

        /** Its own log: its whole output. */
        public Path log() {
            return process.log();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Sends SIGTERM, as Kubernetes does to a pod it removes, and returns at once. */
        public void signalTerminate() {
            process.signalTerminate();
        }

        /** Waits for the process to exit; its exit code. Fails if it still runs after {@code timeout}. */
        public int awaitExit(Duration timeout) {
            return process.awaitExit(timeout).orElseThrow(() -> new IllegalStateException(
                    process.service().name() + " replica " + pid() + " still runs " + timeout.toSeconds()
                            + " s after SIGTERM. Last lines of " + log() + ":\n" + process.tail(40)));
        }

        /** SIGTERM, then waits for the exit (the suite's stop grace, 25 s): the exit code. */
        public int terminate() {
            signalTerminate();
            return awaitExit(SuiteRun.STOP_GRACE);
        }

        /** Kills it (SIGKILL), as a crash would, and waits until it is gone. */
        public void kill() {
            process.kill();
        }

        /** Stops it if it still runs (SIGTERM, SIGKILL after the grace) and removes it from the suite. */
        @Override
        public void close() {
            run.stopReplica(process);
        }
    }

    private static SuiteOptions freePorts() {
        Set<Integer> picked = new HashSet<>();
        while (picked.size() < 11) {
            picked.add(FreePort.pick());
        }
        List<Integer> ports = List.copyOf(picked);
        return new SuiteOptions(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4), ports.get(5), ports.get(6),
                ports.get(7), ports.get(8), ports.get(9), ports.get(10));
    }

    /** What the launcher says while it starts the suite, one log record a line. */
    private static final class LogLines extends ByteArrayOutputStream {

        @Override
        public synchronized void flush() {
            String text = toString(StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return;
            }
            for (String line : text.substring(0, end).split("\n")) {
                if (!line.isBlank()) {
                    LOG.info(line);
                }
            }
            String rest = text.substring(end + 1);
            reset();
            writeBytes(rest.getBytes(StandardCharsets.UTF_8));
        }
    }
}
