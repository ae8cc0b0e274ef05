package org.recert.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, when it is sane, or a new one): into the MDC for
 * every log line, back to the caller, and (by the gateway) on to the services. The trace context is
 * OpenTelemetry's: Quarkus continues an incoming {@code traceparent} and puts the trace id into the MDC.
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
            // the gateway forwards the request as it is: make the id it forwards the one it logs
            context.request().headers().set(HEADER, requestId);
            MDC.put(MDC_KEY, requestId);
            context.put(MDC_KEY, requestId);
            context.response().putHeader(HEADER, requestId);
            context.addEndHandler(done -> MDC.remove(MDC_KEY));
            context.next();
        }, 1000);
    }
}
