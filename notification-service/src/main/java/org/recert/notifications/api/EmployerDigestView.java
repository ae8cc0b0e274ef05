package org.recert.notifications.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.notifications.digest.EmployerDigests;

/** An organization's weekly digest choice; {@code updatedAt} null while it has never chosen (off). */
@Schema(name = "EmployerDigest", example = """
        {"organizationId":"3c2f7a1e-5b9d-4e8a-9f10-7d6c5b4a3e21","enabled":true,"recipients":["hr@care-clinic.example"],
        "language":"en","updatedAt":"2026-12-05T06:00:00Z"}""")
public record EmployerDigestView(UUID organizationId, boolean enabled, List<String> recipients, String language,
        @Schema(nullable = true) Instant updatedAt) {

    static EmployerDigestView of(EmployerDigests.Choice choice) {
        return new EmployerDigestView(choice.organizationId(), choice.enabled(), choice.recipients(), choice.language(), choice.updatedAt());
    }
}
