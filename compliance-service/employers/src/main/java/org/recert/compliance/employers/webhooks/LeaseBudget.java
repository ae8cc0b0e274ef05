package org.recert.compliance.employers.webhooks;

import java.time.Duration;

/**
 * Why a delivery is never sent twice by two workers, from the settings: a worker claims only as many deliveries as
 * it has free senders, so each claimed delivery starts at once; an attempt is cut off after {@code connectTimeout +
 * requestTimeout}; the lease adds {@code outcomeMargin} to record the outcome. So a lease always outlasts the attempt
 * it covers, whatever the batch size. Senders are shared by subscriptions, at most {@code perSubscription} each, fewer
 * than all of them: one slow receiver never holds every sender.
 */
public record LeaseBudget(Duration connectTimeout, Duration requestTimeout, Duration outcomeMargin, int senders, int perSubscription) {

    public LeaseBudget {
        if (!positive(connectTimeout) || !positive(requestTimeout) || !positive(outcomeMargin)) {
            throw new IllegalArgumentException("webhook delivery: connect-timeout, request-timeout and lease-margin must be positive");
        }
        if (perSubscription < 1 || senders <= perSubscription) {
            throw new IllegalArgumentException("webhook delivery: concurrency (" + senders + ") must exceed concurrency-per-subscription ("
                    + perSubscription + ") >= 1, or one slow receiver holds every sender");
        }
    }

    /** The longest one attempt may take before it is cut off and counted as failed. */
    public Duration attemptLimit() {
        return connectTimeout.plus(requestTimeout);
    }

    /** How long a claimed delivery stays with its worker: the attempt, then the time to record its outcome. */
    public Duration lease() {
        return attemptLimit().plus(outcomeMargin);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
