package org.recert.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A service of the local suite in its own JVM, from its built jar, in prod mode with the profile the caller
 * gives. We hold a pipe to its stdin: the platform's ParentLifeline stops the service when that pipe closes,
 * so a launcher killed with -9 leaves no service behind.
 */
final class ServiceProcess {

    /**
     * The heap's shape for a 512 MiB container, measured with NMT (bench/RESULTS.md): a young generation of at most
     * 32 MiB, the old one given back when more than 30 % of it is free, the JIT's freed malloc memory trimmed every
     * second. {@code -ShrinkHeapInSteps}: a full collection gives the old generation back at once, not 0 %, 10 %, 40 %
     * of it over four (credits' heap after the run 76 -> 59 MiB). {@code -SegmentedCodeCache}: one code heap, where C2's
     * code reuses the space of the C1 code it replaces instead of each segment keeping its own high-water mark
     * (credits' code 44 -> 40 MiB). The images' JAVA_OPTS carry the same flags (deploy's ComposeFileTest holds them to these).
     */
    static final List<String> HEAP_FOR_512_MIB = List.of("-XX:MaxNewSize=32m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps", "-XX:TrimNativeHeapInterval=1000",
            "-XX:-SegmentedCodeCache", "-XX:+UseSerialGC");
    /**
     * For a suite on a laptop or in tests: the images' heap (256 MiB, shaped as {@link #HEAP_FOR_512_MIB}), C1 only.
     * Starts fastest and spends little CPU compiling, at the price of slower code once warm.
     */
    static final List<String> QUICK_START_JVM = jvm(List.of("-Xmx256m"), HEAP_FOR_512_MIB, List.of("-XX:TieredStopAtLevel=1"));
    /**
     * As the images run the services in a 512 MiB container (deploy/*: half of it for the heap, shaped as
     * {@link #HEAP_FOR_512_MIB}, tiered C1+C2 compilation): {@code MaxRAM} makes the JVM size itself as in that
     * container (initial heap included), not after this machine. For measuring, where warm code is what counts.
     */
    static final List<String> PRODUCTION_JVM = jvm(List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=50"), HEAP_FOR_512_MIB,
            List.of("-XX:+ExitOnOutOfMemoryError"));
    /**
     * Options appended to every service's JVM options, split at whitespace, for one run's measurement (e.g.
     * {@code RECERT_SERVICE_JVM_OPTIONS=-XX:NativeMemoryTracking=summary bench/run}, or a flag variant to A/B: the JVM
     * takes the last of a repeated flag). Read from the launcher's environment; unset, the lists above are all.
     */
    static final String EXTRA_JVM_OPTIONS = "RECERT_SERVICE_JVM_OPTIONS";
    // a tenth of issue 18's 2 s start goal: a coarser poll would count its own wait as start time
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final SuiteService service;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private OutputStream lifeline;

    @SafeVarargs
    private static List<String> jvm(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    /** {@code jvmOptions} followed by those of {@link #EXTRA_JVM_OPTIONS} in {@code environment}, if any. */
    static List<String> withExtraOptions(List<String> jvmOptions, Map<String, String> environment) {
        String extra = environment.getOrDefault(EXTRA_JVM_OPTIONS, "").strip();
        return extra.isEmpty() ? jvmOptions : jvm(jvmOptions, List.of(extra.split("\\s+")));
    }

    private ServiceProcess(SuiteService service, Path log) {
        this.service = service;
        this.log = log;
    }

    /** Starts {@code java -jar <jar>} with the given environment; output goes to {@code log}. */
    static ServiceProcess start(SuiteService service, Path jar, List<String> jvmOptions, Map<String, String> environment,
                                Path log) {
        return start(service, jar, jvmOptions, environment, log, false);
    }

    /** As {@link #start(SuiteService, Path, Map, Path)}; {@code appendToLog} keeps what an earlier run wrote. */
    static ServiceProcess start(SuiteService service, Path jar, List<String> jvmOptions, Map<String, String> environment,
                                Path log, boolean appendToLog) {
        ServiceProcess started = new ServiceProcess(service, log);
        started.launch(jar, jvmOptions, environment, appendToLog);
        return started;
    }

    Path log() {
        return log;
    }

    SuiteService service() {
        return service;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void launch(Path jar, List<String> jvmOptions, Map<String, String> environment, boolean appendToLog) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // its own session: a Ctrl-C meant for the launcher must not reach the service before the launcher
            // stops the suite in order (gateway first, infrastructure last)
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(withExtraOptions(jvmOptions, System.getenv()));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectErrorStream(true);
            // as in the images: two malloc arenas, not one per busy thread (tens of MiB of resident memory each)
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(environment);
            process = builder.start();
            lifeline = process.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.name(), e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the tail of the log otherwise. */
    void awaitReady(Duration timeout) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + log + ":\n" + tail(40));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
            }
            pause();
        }
        throw new IllegalStateException(service.name() + " was not ready after " + timeout.toSeconds() + " s (GET "
                + ready.uri() + "). Last lines of " + log + ":\n" + tail(40));
    }

    /** Asks the service to shut down (SIGTERM, Quarkus' graceful shutdown), then kills it after {@code grace}. */
    void stop(Duration grace) {
        if (process.isAlive()) {
            // ProcessHandle.destroy keeps our end of stdin open, so the service shuts down by the signal alone
            process.toHandle().destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.toHandle().destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.toHandle().destroyForcibly();
            }
        }
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the service is gone already
        }
    }

    /** Asks the service to shut down (SIGTERM) and returns at once; {@link #awaitExit(Duration)} waits for it. */
    void signalTerminate() {
        // ProcessHandle.destroy keeps our end of stdin open, so the service shuts down by the signal alone
        process.toHandle().destroy();
    }

    /** Waits up to {@code timeout} for the process to exit: its exit code, or empty while it still runs. */
    OptionalInt awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the service is gone already
        }
        return OptionalInt.of(process.exitValue());
    }

    /** Kills the service (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() {
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the service is gone already
        }
    }

    String tail(int lines) {
        return tail(log, lines);
    }

    /** The last {@code lines} lines of a child process's log, for an error message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
