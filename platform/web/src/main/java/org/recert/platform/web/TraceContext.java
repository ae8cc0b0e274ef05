package org.recert.platform.web;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import org.jboss.logging.MDC;

/**
 * The W3C {@code traceparent} of OpenTelemetry's current span, for the places no instrumentation covers: the
 * outbox row an event waits in, the Kafka header it travels in, and the log lines of threads Quarkus does not own.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    /** MDC keys, the ones Quarkus' OpenTelemetry sets on request threads. */
    public static final String TRACE_ID_KEY = "traceId";
    public static final String SPAN_ID_KEY = "spanId";

    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The current span's context as a {@code traceparent}, or null when no span is current. */
    public static String current() {
        return of(Context.current());
    }

    /** {@code context}'s span as a {@code traceparent}, or null when it has no valid span. */
    public static String of(Context context) {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** A context whose (remote) parent span is {@code traceparent}; the root context when it is absent or malformed. */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent.trim(), TRACEPARENT_ONLY);
    }

    /** Puts {@code span}'s ids into the MDC of this thread, for threads outside Quarkus' request handling. */
    public static void putInLog(Span span) {
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            MDC.put(TRACE_ID_KEY, context.getTraceId());
            MDC.put(SPAN_ID_KEY, context.getSpanId());
        }
    }

    public static void removeFromLog() {
        MDC.remove(TRACE_ID_KEY);
        MDC.remove(SPAN_ID_KEY);
    }
}
