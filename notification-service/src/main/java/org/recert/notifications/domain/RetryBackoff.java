package org.recert.notifications.domain;

import java.time.Duration;

/** How long a failed mail waits before its next attempt: {@code initial}, doubled after each further failure, at most {@code max}. */
public record RetryBackoff(Duration initial, Duration max) {

    public Duration after(int failures) {
        Duration wait = initial.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
