package org.recert.platform.events;

import java.util.Set;

/**
 * Applies events of some topics to a service's own state. The consumer calls {@link #handle} inside a
 * transaction that also records the event's id, so an event delivered twice is applied once. A transaction may
 * hold several events (a poll's worth); {@link #endOfBatch} then runs once, after the last of them.
 */
public interface EventHandler {

    Set<String> topics();

    void handle(IncomingEvent event);

    /**
     * Called once per transaction, after {@link #handle} for each of its events this handler saw and before the
     * commit: work a batch needs once rather than per event (re-evaluating each learner its events touched). What the
     * handler noted for it belongs to the transaction, which a failure rolls back with the events.
     */
    default void endOfBatch() {
    }
}
