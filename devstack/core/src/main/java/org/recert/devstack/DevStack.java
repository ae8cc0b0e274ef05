package org.recert.devstack;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * One real PostgreSQL and one real Kafka broker, started once per JVM and stopped when it exits.
 *
 * <p>Tests reach it through {@link #shared()}; the local launcher builds its own with fixed ports. The
 * stack lives in {@code <base>/run-<pid>}; a stack whose JVM died is swept when the next one starts.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevStack.class.getName());
    private static DevStack shared;

    private final RunDirectory runDirectory;
    private final PostgresServer postgres;
    private final KafkaBroker broker;

    private DevStack(RunDirectory runDirectory, PostgresServer postgres, KafkaBroker broker) {
        this.runDirectory = runDirectory;
        this.postgres = postgres;
        this.broker = broker;
    }

    /** The stack of this JVM, started on first use under {@code target/devstack} of the working directory. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            Path base = Path.of(System.getProperty("recert.devstack.dir", "target/devstack")).toAbsolutePath();
            shared = start(base, 0, 0, false);
            DevStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        }
        return shared;
    }

    /**
     * Starts PostgreSQL and Kafka in parallel.
     *
     * @param postgresPort 0 for a free port
     * @param kafkaPort 0 for a free port
     * @param durable false turns fsync off (tests)
     */
    public static DevStack start(Path base, int postgresPort, int kafkaPort, boolean durable) {
        long started = System.nanoTime();
        RunDirectory run = RunDirectory.create(base);
        int pgPort = postgresPort == 0 ? FreePort.pick() : postgresPort;
        int brokerPort = kafkaPort == 0 ? FreePort.pick() : kafkaPort;
        Path pgData = run.resolve("postgres");
        KafkaBroker broker = new KafkaBroker(run.resolve("kafka"), brokerPort, pgData.resolve("postmaster.pid"), run.path());
        CompletableFuture<PostgresServer> pg = CompletableFuture.supplyAsync(() -> PostgresServer.start(pgData, pgPort, durable));
        CompletableFuture<Void> kafka = CompletableFuture.runAsync(broker::start);
        try {
            CompletableFuture.allOf(pg, kafka).join();
        } catch (CompletionException e) {
            // never leave half a stack running
            pg.thenAccept(PostgresServer::close);
            broker.kill();
            run.delete();
            throw new IllegalStateException("devstack did not start: " + e.getCause().getMessage(), e.getCause());
        }
        DevStack stack = new DevStack(run, pg.join(), broker);
        LOG.info(() -> String.format("devstack up in %d ms: PostgreSQL on 127.0.0.1:%d, Kafka on %s, run dir %s",
                (System.nanoTime() - started) / 1_000_000, pgPort, broker.bootstrapServers(), run.path()));
        return stack;
    }

    /** Creates (if needed) the database and login role named {@code name}. */
    public Database database(String name) {
        return postgres.createDatabase(name);
    }

    /** Stops PostgreSQL (fault tests), keeping its data; {@link #startPostgres()} brings it back. */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts PostgreSQL again on the same port with the same data; does nothing if it runs. */
    public void startPostgres() {
        postgres.restart();
    }

    public int postgresPort() {
        return postgres.port();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public KafkaBroker broker() {
        return broker;
    }

    public Path runDirectory() {
        return runDirectory.path();
    }

    @Override
    public synchronized void close() {
        try {
            broker.stop();
        } finally {
            try {
                postgres.close();
            } finally {
                runDirectory.delete();
            }
        }
    }
}
