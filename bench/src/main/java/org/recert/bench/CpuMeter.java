package org.recert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by each part of the suite during a phase, from /proc (user + system ticks of every process):
 * the services (notification-service, which consumes compliance's status events, included), PostgreSQL (its postmaster and backends, found by the suite's data directory), the Kafka broker,
 * and this benchmark's own client; plus how busy the whole machine was, other users included. It tells a
 * saturated machine from a slow path, and which process spends the time.
 */
final class CpuMeter {

    private static final double TICKS_PER_MS = 0.1; // USER_HZ is 100 on Linux x86-64
    private static final List<String> PARTS = List.of("gateway", "credits", "compliance", "catalog", "notifications", "postgres", "kafka",
            "bench client");

    private final Path runDirectory;

    /** A reading: ticks per part, and the machine's busy and total ticks. */
    record Reading(Map<String, Long> ticks, long machineBusy, long machineTotal, long nanos) {
    }

    CpuMeter(Path runDirectory) {
        this.runDirectory = runDirectory.toAbsolutePath();
    }

    Reading read() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        PARTS.forEach(part -> ticks.put(part, 0L));
        ticks.merge("bench client", ticks(ProcessHandle.current().pid()), Long::sum);
        ProcessHandle.current().descendants().forEach(process -> {
            String part = part(process);
            if (part != null) {
                ticks.merge(part, ticks(process.pid()), Long::sum);
            }
        });
        String data = runDirectory.toString();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/bin/postgres")).orElse(false))
                .filter(process -> process.info().arguments().map(args -> Stream.of(args).anyMatch(arg -> arg.startsWith(data))).orElse(false))
                .forEach(postmaster -> {
                    ticks.merge("postgres", ticks(postmaster.pid()), Long::sum);
                    postmaster.descendants().forEach(backend -> ticks.merge("postgres", ticks(backend.pid()), Long::sum));
                });
        long[] machine = machine();
        return new Reading(ticks, machine[0], machine[1], System.nanoTime());
    }

    /** CPU milliseconds per unit of work of all parts together (the suite's and the client's). */
    static double totalPerUnit(Reading before, Reading after, long units) {
        double total = 0;
        for (String part : PARTS) {
            total += (after.ticks().getOrDefault(part, 0L) - before.ticks().getOrDefault(part, 0L)) / TICKS_PER_MS / units;
        }
        return total;
    }

    /** CPU milliseconds per unit of work (per request, per credit) of each part that spent any, and the machine's load. */
    static String perUnit(Reading before, Reading after, long units, String unit) {
        StringBuilder out = new StringBuilder("CPU per " + unit + ": ");
        double total = 0;
        for (String part : PARTS) {
            long spent = after.ticks().getOrDefault(part, 0L) - before.ticks().getOrDefault(part, 0L);
            if (spent > 0) {
                double ms = spent / TICKS_PER_MS / units;
                total += ms;
                out.append(part).append(String.format(" %.2f, ", ms));
            }
        }
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        long machineTotal = after.machineTotal() - before.machineTotal();
        double busy = machineTotal == 0 ? Double.NaN : 100.0 * (after.machineBusy() - before.machineBusy()) / machineTotal;
        double suiteCores = total * units / 1000 / seconds;
        out.append(String.format("total %.2f ms; the suite kept %.2f cores busy, the machine was %.0f%% busy (all users)", total, suiteCores, busy));
        return out.toString();
    }

    private static String part(ProcessHandle process) {
        String args = process.info().arguments().map(a -> String.join(" ", a)).orElse("");
        if (args.contains("/catalog-service/target/quarkus-app/")) {
            return "catalog";
        }
        if (args.contains("/credits-service/target/quarkus-app/")) {
            return "credits";
        }
        if (args.contains("/compliance-service/target/quarkus-app/")) {
            return "compliance";
        }
        if (args.contains("/notification-service/target/quarkus-app/")) {
            return "notifications";
        }
        if (args.contains("/gateway/target/quarkus-app/")) {
            return "gateway";
        }
        if (args.contains("/kafka/broker.args")) {
            return "kafka";
        }
        return null;
    }

    /** utime + stime of a process, in clock ticks; 0 when it is gone. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which may hold spaces, in parentheses
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy and total ticks of the whole machine, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[] { total - idle, total };
        } catch (IOException | RuntimeException e) {
            return new long[] { 0, 0 };
        }
    }
}
