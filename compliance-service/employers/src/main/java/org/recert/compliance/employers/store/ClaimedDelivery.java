package org.recert.compliance.employers.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A delivery a worker holds the lease of, with what it needs to send it; {@code firstAttemptAt} null before the first.
 * Secrets as stored (sealed, with their key ids); {@code previousSecret} only while a rotation's overlap lasts.
 */
public record ClaimedDelivery(
        UUID id,
        String messageId,
        String eventType,
        String payload,
        int attempts,
        OffsetDateTime createdAt,
        OffsetDateTime firstAttemptAt,
        String url,
        UUID subscriptionId,
        String secret,
        String secretKeyId,
        String previousSecret,
        String previousSecretKeyId) {
}
