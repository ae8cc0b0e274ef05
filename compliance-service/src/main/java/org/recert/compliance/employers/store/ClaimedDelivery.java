package org.recert.compliance.employers.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A delivery a worker holds the lease of, with what it needs to send it. */
public record ClaimedDelivery(
        UUID id,
        String messageId,
        String eventType,
        String payload,
        int attempts,
        OffsetDateTime createdAt,
        String url,
        String secret) {
}
