package org.recert.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each service's start time (stopped, then started alone on the running stack: from launching its JVM until
 * /q/health/ready answers; the graceful stop before it is timed apart) and its resident memory right after that
 * start; {@link #after()} adds the memory after the whole benchmark. Both moments are also broken down by
 * {@link MemoryDetail} (heap, and NMT's categories when the services track native memory).
 */
final class ServiceStarts {

    private final Context context;
    private final Map<String, double[]> measured = new LinkedHashMap<>();
    private final MemoryDetail detail;

    ServiceStarts(Context context, java.nio.file.Path memoryDirectory) {
        this.context = context;
        this.detail = new MemoryDetail(memoryDirectory);
    }

    void run() {
        run(1);
    }

    /**
     * Restarts each service {@code times} times; its start and its stop are the medians, its memory the one after
     * the last start.
     */
    void run(int times) {
        for (String service : SuiteAccess.SERVICES) {
            double[] starts = new double[times];
            double[] stops = new double[times];
            for (int i = 0; i < times; i++) {
                long stopping = System.nanoTime();
                context.suite.stop(service);
                long starting = System.nanoTime();
                context.suite.start(service);
                stops[i] = (starting - stopping) / 1e9;
                starts[i] = (System.nanoTime() - starting) / 1e9;
            }
            java.util.Arrays.sort(starts);
            java.util.Arrays.sort(stops);
            long pid = context.suite.pid(service);
            measured.put(service, new double[] { starts[times / 2], Machine.rssMiB(pid), Double.NaN, stops[times / 2] });
            detail.record(service, pid, "after-start");
        }
    }

    /** Notes every service's memory now, after the load. */
    void after() {
        measured.forEach((service, values) -> values[2] = Machine.rssMiB(context.suite.pid(service)));
        measured.keySet().forEach(service -> detail.record(service, context.suite.pid(service), "after-run"));
        measured.keySet().forEach(service -> detail.recordAfterFullCollection(service, context.suite.pid(service), "after-run-full-gc"));
        detail.writeSummary();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        measured.forEach((service, values) -> rows.add(new Row(service + String.format(": start (alone, JVM launch to ready; its graceful stop before: %.1f s) / RSS after start / RSS after the run", values[3]),
                String.format("%.1f s / %.0f MiB / %.0f MiB", values[0], values[1], values[2]), "",
                "<= 2 s / <= 200 / <= 300 MiB", GatewayOverhead.verdict(values[0] <= 2 && values[1] <= 200 && values[2] <= 300,
                        (values[0] <= 2 ? "start" : "START") + ", " + (values[1] <= 200 ? "after start" : "AFTER START") + ", "
                                + (values[2] <= 300 ? "after the run" : "AFTER THE RUN")))));
        return rows;
    }
}
