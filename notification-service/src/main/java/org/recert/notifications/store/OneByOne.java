package org.recert.notifications.store;

import java.util.function.BooleanSupplier;

/**
 * How the mail outboxes (reminders, digests) are drained: one claimed row per transaction, so that a slow SMTP server
 * holds one row lock at a time and every send stays within the transaction's timeout (a failure is always recorded).
 */
public final class OneByOne {

    private OneByOne() {
    }

    /** Runs {@code claimAndHandleNext} until it finds nothing due or has handled {@code batchSize}; the number handled. */
    public static int drain(int batchSize, BooleanSupplier claimAndHandleNext) {
        int handled = 0;
        while (handled < batchSize && claimAndHandleNext.getAsBoolean()) {
            handled++;
        }
        return handled;
    }
}
