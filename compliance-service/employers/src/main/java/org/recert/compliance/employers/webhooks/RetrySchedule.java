package org.recert.compliance.employers.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff, capped, and abandoned once the next attempt
 * would fall after {@code giveUpAfter} since the first attempt.
 */
public record RetrySchedule(Duration initial, double multiplier, Duration max, Duration giveUpAfter) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || multiplier < 1 || max.compareTo(initial) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retry schedule needs initial > 0, multiplier >= 1, max >= initial, giveUpAfter >= 0");
        }
    }

    /** The delay after the {@code failedAttempts}-th failed attempt (1 for the first failure). */
    public Duration delayAfter(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /** The time of the next attempt, or empty when the delivery is to be abandoned. */
    public Optional<Instant> nextAttempt(Instant firstAttempt, Instant now, int failedAttempts) {
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(firstAttempt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }

    /** How long the schedule keeps trying in all, from the first attempt to the last one. */
    public Duration span() {
        Duration total = Duration.ZERO;
        int failures = 1;
        while (true) {
            Duration next = total.plus(delayAfter(failures));
            if (next.compareTo(giveUpAfter) > 0) {
                return total;
            }
            total = next;
            failures++;
        }
    }

    /** Attempts made in all before the schedule gives up (the first one included). */
    public int attempts() {
        Duration total = Duration.ZERO;
        int attempts = 1;
        while (true) {
            total = total.plus(delayAfter(attempts));
            if (total.compareTo(giveUpAfter) > 0) {
                return attempts;
            }
            attempts++;
        }
    }
}
