package org.recert.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The gateway's added latency on a typical GET: a learner's status, through the gateway and straight to the
 * compliance service, one request at a time, alternating the two so that both see the same machine.
 */
final class GatewayOverhead {

    static final String PATH = "/api/v1/compliance/learners/maria/status?credential=CMA_AAMA";

    private final Context context;
    private final Profiler profiler;

    /** {@code profiler}, when not null, records gateway and compliance over as many GETs through the gateway after the measure. */
    GatewayOverhead(Context context, Profiler profiler) {
        this.context = context;
        this.profiler = profiler;
    }

    List<Row> run() throws IOException, InterruptedException {
        String token = context.learnerToken("maria");
        String viaGateway = context.gateway + PATH;
        String direct = context.service("compliance") + PATH;
        Samples gateway = new Samples();
        Samples service = new Samples();
        for (int i = 0; i < context.settings.statusWarmup(); i++) {
            call(viaGateway, token, null);
            call(direct, token, null);
        }
        CpuMeter.Reading before = context.cpu.read();
        for (int i = 0; i < context.settings.statusRequests(); i++) {
            // alternate which goes first, so that neither always finds the caches the other just warmed
            if (i % 2 == 0) {
                call(viaGateway, token, gateway);
                call(direct, token, service);
            } else {
                call(direct, token, service);
                call(viaGateway, token, gateway);
            }
        }
        CpuMeter.Reading after = context.cpu.read();
        if (profiler != null) {
            profiler.record("get", List.of("gateway", "compliance"), () -> {
                for (int i = 0; i < context.settings.statusRequests(); i++) {
                    call(viaGateway, token, null);
                }
            });
        }
        double p50 = overhead(gateway.p50(), service.p50());
        double p99 = overhead(gateway.p99(), service.p99());
        String n = " (n=" + gateway.count() + " each, 1 client)";
        return List.of(
                new Row("GET status p50: gateway vs compliance direct" + n, Row.ms(gateway.p50()), Row.ms(service.p50()),
                        "-", String.format("overhead %+.1f%% (%s)", p50, Row.ms(gateway.p50() - service.p50()))),
                new Row("GET status p99: gateway vs compliance direct", Row.ms(gateway.p99()), Row.ms(service.p99()),
                        "overhead <= 10% and <= 0.3 ms", verdict(p99 <= 10 && gateway.p99() - service.p99() <= 0.3, String.format("overhead %+.1f%% (%s)", p99, Row.ms(gateway.p99() - service.p99())))),
                Context.cpuRow(before, after, gateway.count(), "pair of GETs (one through the gateway, one direct), in ms"));
    }

    private void call(String url, String token, Samples samples) {
        long started = System.nanoTime();
        HttpResponse<String> response = context.http.get(url, token);
        long elapsed = System.nanoTime() - started;
        Http.expect(response, 200);
        if (samples != null) {
            samples.add(elapsed);
        }
    }

    static double overhead(double measured, double baseline) {
        return (measured - baseline) / baseline * 100;
    }

    static String verdict(boolean met, String detail) {
        return (met ? "met: " : "MISSED: ") + detail;
    }
}
