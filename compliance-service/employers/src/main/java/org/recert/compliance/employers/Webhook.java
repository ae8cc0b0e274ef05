package org.recert.compliance.employers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as the rest of the service sees it: never its secrets. {@code previousSecretValidUntil} is
 * set only while a rotation's overlap lasts.
 */
public record Webhook(UUID id, String url, List<String> events, OffsetDateTime createdAt, OffsetDateTime secretRotatedAt,
        OffsetDateTime previousSecretValidUntil) {
}
