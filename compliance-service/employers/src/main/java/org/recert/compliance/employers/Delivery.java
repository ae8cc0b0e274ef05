package org.recert.compliance.employers;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event for one subscription, as the delivery log shows it. */
public record Delivery(
        UUID id,
        long seq,
        UUID subscriptionId,
        UUID organizationId,
        String learnerId,
        String messageId,
        String eventType,
        DeliveryState state,
        int attempts,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        OffsetDateTime deliveredAt,
        UUID replayOf,
        OffsetDateTime createdAt) {
}
