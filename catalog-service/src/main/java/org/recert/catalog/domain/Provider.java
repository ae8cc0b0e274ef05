package org.recert.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Provider", description = "A provider of continuing education")
public record Provider(
        @Schema(examples = "11111111-1111-4111-8111-111111111111") UUID id,
        @Schema(examples = "AAMA e-Learning Center") String name,
        @Schema(examples = "AAMA_APPROVED_INSTITUTION") ProviderKind kind,
        @Schema(examples = "APPROVED") AamaProviderStatus aamaStatus,
        String contactName,
        String contactEmail,
        String contactPhone,
        String website,
        boolean active,
        @Schema(examples = "1") long version,
        Instant createdAt,
        Instant updatedAt) {
}
