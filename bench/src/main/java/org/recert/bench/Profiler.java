package org.recert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code bench/run --profile}: a JDK Flight Recorder recording of some services over one phase (started and stopped
 * with {@code jcmd}), each summarised as its hottest methods, by own samples and by samples anywhere on the stack.
 */
final class Profiler {

    private static final String RECORDING = "bench";
    private static final int TOP = 25;

    private final Context context;
    private final Path directory;
    private final Map<String, Long> pids = new LinkedHashMap<>();

    Profiler(Context context, Path directory) {
        this.context = context;
        this.directory = directory;
    }

    void start(List<String> services) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        for (String service : services) {
            long pid = context.suite.pid(service);
            pids.put(service, pid);
            jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
        }
    }

    /**
     * Records {@code services} over {@code load} alone, run after a row's measure so that its printed figures carry no
     * recording's cost: {@code <row>-<service>.jfr} and {@code <row>-<service>-top.txt}.
     */
    void record(String row, List<String> services, Runnable load) throws IOException, InterruptedException {
        start(services);
        load.run();
        stop(row + "-");
    }

    /** Stops the recordings and writes {@code <service>.jfr} and {@code <service>-top.txt} into the directory. */
    void stop() throws IOException, InterruptedException {
        stop("");
    }

    /** {@link #stop()}, the files' names prefixed with {@code prefix}. */
    private void stop(String prefix) throws IOException, InterruptedException {
        for (Map.Entry<String, Long> entry : pids.entrySet()) {
            Path file = directory.resolve(prefix + entry.getKey() + ".jfr");
            jcmd(entry.getValue(), "JFR.stop", "name=" + RECORDING, "filename=" + file);
            Files.writeString(directory.resolve(prefix + entry.getKey() + "-top.txt"), summary(file));
        }
        pids.clear();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    /** Execution samples by top frame (own) and by every distinct method on the stack (total). */
    static String summary(Path recording) throws IOException {
        Map<String, Integer> own = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            own.merge(method(stack.getFrames().get(0)), 1, Integer::sum);
            layers.merge(layer(stack.getFrames().get(0)), 1, Integer::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                if (method(frame).startsWith("org.recert.") && seen.add(method(frame))) {
                    total.merge(method(frame), 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder(recording.getFileName() + ": " + samples + " execution samples\n\nown (top frame)\n");
        append(out, own, samples);
        out.append("\nown, by library (the top frame's package)\n");
        append(out, layers, samples);
        out.append("\nRecert's own methods, anywhere on the stack\n");
        append(out, total, samples);
        return out.toString();
    }

    private static void append(StringBuilder out, Map<String, Integer> counts, int samples) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> out.append(String.format("%5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
    }

    /** The library a frame belongs to: its class's first three package names. */
    private static String layer(RecordedFrame frame) {
        String[] parts = frame.getMethod().getType().getName().split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    /** {@code java -cp bench/target/classes org.recert.bench.Profiler <file.jfr>}: the summary of a recording. */
    public static void main(String[] args) throws IOException {
        System.out.print(summary(Path.of(args[0])));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
