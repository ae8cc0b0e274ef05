package org.recert.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.recert.platform.web.TraceContext;

/**
 * The CLIENT span of one call from the gateway to a service: how long the service took to answer, and how it
 * failed. Its {@code traceparent} goes with the call, so the service's span is its child.
 */
@ApplicationScoped
public class UpstreamSpans {

    private final Tracer tracer;

    public UpstreamSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the span of a call to {@code upstream}, a child of {@code parent} (the gateway's request span). */
    public Span start(Context parent, Upstream upstream, String method, String uri) {
        return tracer.spanBuilder(method)
                .setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", method)
                .setAttribute("server.address", upstream.url().getHost())
                .setAttribute("server.port", (long) upstream.port())
                .setAttribute("url.full", upstream.fullUrl(uri))
                .setAttribute("peer.service", upstream.name())
                .startSpan();
    }

    /** The {@code traceparent} header that makes the service's span a child of {@code span}. */
    public static String traceparent(Span span) {
        return TraceContext.of(Context.root().with(span));
    }

    /** Ends the span of a call the service answered with {@code status}. */
    public static void answered(Span span, int status) {
        span.setAttribute("http.response.status_code", (long) status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** Ends the span of a call that got no answer. */
    public static void failed(Span span, Throwable error) {
        span.setAttribute("error.type", error.getClass().getName());
        span.setStatus(StatusCode.ERROR, error.toString());
        span.end();
    }
}
