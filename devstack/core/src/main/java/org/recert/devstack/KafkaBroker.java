package org.recert.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node KRaft Kafka broker in a child JVM, listening on 127.0.0.1 only.
 *
 * <p>Its ports and log directory are chosen once, so that a stop, a kill and a restart bring it back at the
 * same address with the same data: fault tests depend on that.
 */
public final class KafkaBroker {

    private static final String CLASSPATH_LISTING = "META-INF/recert/broker-classpath.txt";
    private static final String MAIN = "org.recert.devstack.broker.BrokerMain";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final Path postmasterPid;
    private final Path runDirectory;
    private Process process;

    KafkaBroker(Path directory, int port, Path postmasterPid, Path runDirectory) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = FreePort.pick();
        this.clusterId = base64Uuid();
        this.postmasterPid = postmasterPid;
        this.runDirectory = runDirectory;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker and waits until it accepts connections. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path config = writeConfig();
            Path ready = directory.resolve("ready");
            Files.deleteIfExists(ready);
            Path argFile = writeArgFile(config, ready);
            process = new ProcessBuilder(javaExecutable(), "@" + argFile)
                    .redirectOutput(directory.resolve("broker.out").toFile())
                    .redirectErrorStream(true)
                    .start();
            Files.writeString(runDirectory.resolve(RunDirectory.BROKER_PID), Long.toString(process.pid()));
            awaitReady(ready);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start", e);
        }
    }

    /** Stops the broker gracefully (SIGTERM) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        // ProcessHandle.destroy keeps stdin open: Process.destroy would close it and trip the lifeline
        process.toHandle().destroy();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Kills the broker (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.toHandle().destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Stops the broker, then starts it again at the same address with the same data. */
    public synchronized void restart() {
        stop();
        start();
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.toHandle().destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitReady(Path ready) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ":\n" + tail());
            }
            if (Files.exists(ready) && accepts()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
            }
        }
        process.toHandle().destroyForcibly();
        throw new IllegalStateException("Kafka broker not ready after " + READY_TIMEOUT + ":\n" + tail());
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("broker.out", "broker.log")) {
            Path file = directory.resolve(name);
            try {
                List<String> all = Files.readAllLines(file);
                lines.addAll(all.subList(Math.max(0, all.size() - 40), all.size()));
            } catch (IOException ignored) {
                // not written yet
            }
        }
        return String.join("\n", lines);
    }

    private Path writeConfig() throws IOException {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // a broker restarted after a kill -9 rejoins in ~4 s instead of ~12 s
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=2000",
                "") ;
        Path file = directory.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    private Path writeArgFile(Path config, Path ready) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=log4j2-devstack-broker.properties",
                "-Drecert.broker.log=" + directory.resolve("broker.log"),
                "-Drecert.orphan.postmaster-pid=" + postmasterPid,
                "-Drecert.orphan.run-dir=" + runDirectory,
                "-cp", quote(String.join(java.io.File.pathSeparator, brokerClasspath())),
                MAIN, quote(config.toString()), clusterId, quote(ready.toString())));
        Path file = directory.resolve("broker.args");
        Files.writeString(file, String.join("\n", args) + "\n");
        return file;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The broker module's own classes plus the runtime classpath it listed at build time. */
    static List<String> brokerClasspath() {
        URL listing = KafkaBroker.class.getClassLoader().getResource(CLASSPATH_LISTING);
        if (listing == null) {
            throw new IllegalStateException(CLASSPATH_LISTING + " is not on the classpath: build devstack/broker first");
        }
        List<String> entries = new ArrayList<>();
        entries.add(locationOf(listing));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(listing.openStream(), StandardCharsets.UTF_8))) {
            String content = reader.lines().collect(Collectors.joining());
            for (String entry : content.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + listing, e);
        }
        return entries;
    }

    /** The jar or directory a classpath resource came from. */
    private static String locationOf(URL resource) {
        String url = resource.toString();
        try {
            if (url.startsWith("jar:")) {
                String jar = url.substring("jar:".length(), url.indexOf("!/"));
                return Path.of(new java.net.URI(jar)).toString();
            }
            String dir = url.substring(0, url.length() - CLASSPATH_LISTING.length());
            return Path.of(new java.net.URI(dir)).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected resource location " + url, e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A cluster id as Kafka makes them: never starting with '-', which the storage tool would take for an option. */
    static String base64Uuid() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
            buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
