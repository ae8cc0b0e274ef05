package org.recert.devstack.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker for tests and local runs, started in its own JVM by devstack-core.
 *
 * <p>Arguments: {@code <server.properties> <cluster-id> <ready-file>}. It formats the log directory when
 * needed, starts the broker, writes the ready file, and runs until it is terminated. Its standard input is
 * a lifeline: when it closes because the parent died, the broker also stops the parent's PostgreSQL and
 * removes the run directory, so that a killed test JVM leaves nothing behind.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        String clusterId = args[1];
        Path readyFile = Path.of(args[2]);
        long parentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);

        int formatted = StorageTool.execute(new String[] {
                "format", "--cluster-id", clusterId, "--config", config.toString(), "--ignore-formatted" },
                new PrintStream(OutputStream.nullOutputStream()));
        if (formatted != 0) {
            throw new IllegalStateException("kafka storage format failed with exit code " + formatted);
        }

        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            props.load(in);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "broker-shutdown"));
        server.startup();
        Files.writeString(readyFile, Long.toString(ProcessHandle.current().pid()));

        Thread lifeline = new Thread(() -> watchParent(parentPid), "broker-lifeline");
        lifeline.setDaemon(true);
        lifeline.start();
        server.awaitShutdown();
    }

    /** Blocks on stdin; EOF means the parent closed it or died. */
    private static void watchParent(long parentPid) {
        try {
            while (System.in.read() >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe is an EOF too
        }
        long currentParent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        boolean orphaned = currentParent != parentPid
                || ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE;
        if (orphaned) {
            stopOrphanedPostgres();
            deleteRunDirectory();
            Runtime.getRuntime().halt(0);
        }
        System.exit(0);
    }

    private static void stopOrphanedPostgres() {
        String pidFile = System.getProperty("recert.orphan.postmaster-pid");
        if (pidFile == null) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(pidFile));
            long pid = Long.parseLong(lines.get(0).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .ifPresent(p -> {
                        p.destroy();
                        p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
                    });
        } catch (RuntimeException | IOException ignored) {
            // nothing to stop, or it is already gone
        }
    }

    private static void deleteRunDirectory() {
        String runDir = System.getProperty("recert.orphan.run-dir");
        if (runDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(Path.of(runDir))) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the next stack sweeps what is left
        }
    }
}
