package org.recert.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's resident memory goes, read where the start rows read its RSS: {@code /proc/<pid>/status}'s memory
 * lines, {@code jcmd GC.heap_info} and, when the services run with {@code -XX:NativeMemoryTracking=summary} (e.g.
 * {@code RECERT_SERVICE_JVM_OPTIONS=-XX:NativeMemoryTracking=summary bench/run}), {@code jcmd VM.native_memory summary}.
 * Each reading goes to {@code <service>-<moment>.txt} (the loaded classes by loader to {@code <service>-<moment>-classes.txt});
 * {@code summary.md} tabulates the committed MiB per NMT category.
 */
final class MemoryDetail {

    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern GENERATION = Pattern.compile("^\\s*(def new generation|tenured generation)\\s+total (\\d+)K, used (\\d+)K");

    private final Path directory;
    private final List<String> summaryRows = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();

    MemoryDetail(Path directory) {
        this.directory = directory;
    }

    /** Reads the service's memory now and writes it down as {@code <service>-<moment>.txt}. */
    void record(String service, long pid, String moment) {
        StringBuilder text = new StringBuilder();
        for (String line : Machine.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Vm") || line.startsWith("Rss") || line.startsWith("Threads")) {
                text.append(line).append('\n');
            }
        }
        String heap = jcmd(pid, "GC.heap_info");
        String nmt = jcmd(pid, "VM.native_memory", "summary");
        text.append("\n$ jcmd ").append(pid).append(" GC.heap_info\n").append(heap)
                .append("\n$ jcmd ").append(pid).append(" Compiler.codecache\n").append(jcmd(pid, "Compiler.codecache"))
                .append("\n$ jcmd ").append(pid).append(" VM.native_memory summary\n").append(nmt);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(service + "-" + moment + ".txt"), text);
            // every loaded class by its loader (and the loaders by kind: app, reflection, hidden), for what loads what
            Files.writeString(directory.resolve(service + "-" + moment + "-classes.txt"),
                    jcmd(pid, "VM.metaspace", "by-spacetype", "show-loaders", "show-classes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        summaryRows.add(summaryRow(service, moment, Machine.rssMiB(pid), heap, nmt));
    }

    /**
     * Collects the service's whole heap ({@code jcmd GC.run}, a full collection), then records it as {@code moment}:
     * what of the heap is live, and what the collector gives back when it does collect. After every other reading.
     */
    void recordAfterFullCollection(String service, long pid, String moment) {
        jcmd(pid, "GC.run");
        record(service, pid, moment);
    }

    /** Writes {@code summary.md}: one row per reading, MiB committed. */
    void writeSummary() {
        StringBuilder table = new StringBuilder("| service, moment | RSS | young total/used | old total/used | ")
                .append(String.join(" | ", categories)).append(" |\n|---|---|---|---|")
                .append("---|".repeat(categories.size())).append('\n');
        for (String row : summaryRows) {
            table.append(row).append('\n');
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("summary.md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String summaryRow(String service, String moment, double rss, String heap, String nmt) {
        Map<String, String> generations = new LinkedHashMap<>();
        for (String line : heap.split("\n")) {
            Matcher generation = GENERATION.matcher(line);
            if (generation.find()) {
                generations.put(generation.group(1), mib(generation.group(2)) + "/" + mib(generation.group(3)));
            }
        }
        Map<String, String> committed = new LinkedHashMap<>();
        for (String line : nmt.split("\n")) {
            Matcher total = TOTAL.matcher(line);
            Matcher category = CATEGORY.matcher(line);
            if (total.find()) {
                committed.put("NMT total", mib(total.group(2)));
            } else if (category.find()) {
                committed.put(category.group(1), mib(category.group(3)));
            }
        }
        committed.keySet().stream().filter(name -> !categories.contains(name)).forEach(categories::add);
        StringBuilder row = new StringBuilder("| ").append(service).append(", ").append(moment).append(" | ")
                .append(String.format("%.0f", rss)).append(" | ").append(generations.getOrDefault("def new generation", "-"))
                .append(" | ").append(generations.getOrDefault("tenured generation", "-")).append(" |");
        for (String name : categories) {
            row.append(' ').append(committed.getOrDefault(name, "-")).append(" |");
        }
        return row.toString();
    }

    private static String mib(String kib) {
        return String.format("%.1f", Long.parseLong(kib) / 1024.0);
    }

    private static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output;
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage() + "\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted\n";
        }
    }
}
