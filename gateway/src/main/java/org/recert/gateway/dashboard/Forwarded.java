package org.recert.gateway.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a composed call carries on to the services: the caller's token and request id as headers, and the
 * gateway's request span ({@code traceparent}, may be null), the parent of each call's CLIENT span.
 */
public record Forwarded(Map<String, String> headers, String traceparent) {

    public static Forwarded of(String authorization, String requestId, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "Authorization", authorization);
        put(headers, "X-Request-Id", requestId);
        return new Forwarded(Map.copyOf(headers), traceparent);
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }
}
