package org.recert.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of spending one request from a budget, and the headers that tell the client where it stands:
 * the IETF {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers), plus
 * {@code Retry-After} when refused.
 */
public record RateDecision(boolean allowed, String policy, long limit, long windowSeconds, long remaining,
        long resetSeconds, long retryAfterSeconds) {

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Policy", "\"" + policy + "\";q=" + limit + ";w=" + windowSeconds);
        headers.put("RateLimit", "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds);
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }
}
