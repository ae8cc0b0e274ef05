package org.recert.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A consecutive-failure circuit breaker for one service. Closed: every call goes through. After
 * {@code failureThreshold} failures in a row it opens: calls are refused at once for {@code openFor}. Then one
 * trial call is let through (half open); its success closes the circuit, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.clock = nanoClock;
    }

    public CircuitBreaker(int failureThreshold, Duration openFor) {
        this(failureThreshold, openFor, System::nanoTime);
    }

    /** Whether a call may go through now; a caller that is allowed must report its outcome. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
    }

    /** Seconds until an open circuit lets a trial through (at least 1), for Retry-After. */
    public synchronized long secondsUntilTrial() {
        if (state != State.OPEN) {
            return 1;
        }
        long remaining = openForNanos - (clock.getAsLong() - openedAt);
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    public synchronized State state() {
        return state;
    }
}
