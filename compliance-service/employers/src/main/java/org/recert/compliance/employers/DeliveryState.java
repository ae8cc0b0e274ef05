package org.recert.compliance.employers;

/** Where a webhook delivery stands. */
public enum DeliveryState {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** Abandoned after the retry schedule ran out. */
    FAILED,
    /** Not sent: the learner withdrew consent or left the roster before it went out. */
    CANCELLED
}
