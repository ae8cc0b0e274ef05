package org.recert.gateway.ratelimit;

import java.time.Duration;

/** A budget: {@code limit} requests per {@code window}, refilled smoothly. */
public record Budget(long limit, Duration window) {

    public Budget {
        if (limit < 1) {
            throw new IllegalArgumentException("a budget allows at least one request");
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a budget's window must be positive");
        }
    }
}
