package org.recert.gateway.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a composed call carries on to the services: the caller's token and request id, the gateway's span as parent. */
public record Forwarded(Map<String, String> headers) {

    public static Forwarded of(String authorization, String requestId, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "Authorization", authorization);
        put(headers, "X-Request-Id", requestId);
        put(headers, "traceparent", traceparent);
        return new Forwarded(Map.copyOf(headers));
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }
}
