package org.recert.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, when it is sane, or a new one) and a W3C
 * {@code traceparent}; both go into the MDC for every log line, back to the caller, and (by the gateway)
 * on to the services, and the trace context into the events the request causes.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String incoming = context.request().getHeader(HEADER);
            String requestId = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
            String traceparent = TraceContext.continueOrStart(context.request().getHeader(TraceContext.HEADER));
            // the gateway forwards the request as it is: make the ids it forwards the ones it logs
            context.request().headers().set(HEADER, requestId);
            context.request().headers().set(TraceContext.HEADER, traceparent);
            MDC.put(MDC_KEY, requestId);
            MDC.put(TraceContext.MDC_KEY, traceparent);
            MDC.put(TraceContext.TRACE_ID_KEY, TraceContext.traceId(traceparent));
            context.put(MDC_KEY, requestId);
            context.response().putHeader(HEADER, requestId);
            context.addEndHandler(done -> {
                MDC.remove(MDC_KEY);
                MDC.remove(TraceContext.MDC_KEY);
                MDC.remove(TraceContext.TRACE_ID_KEY);
            });
            context.next();
        }, 1000);
    }
}
