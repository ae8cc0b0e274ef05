package org.recert.compliance.employers.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.compliance.employers.Consents;

/** Bodies of the consent endpoints. */
public final class ConsentDtos {

    private ConsentDtos() {
    }

    @Schema(name = "ConsentRequest")
    public record ConsentRequest(
            @NotNull @Schema(examples = "22222222-2222-4222-8222-222222222222") UUID organizationId) {
    }

    @Schema(name = "Consent")
    public record ConsentView(
            UUID organizationId,
            @Schema(examples = "Care Clinic") String organizationName,
            @Schema(enumeration = { "GRANTED", "PENDING" }, description = "PENDING: the organization lists you and waits for your consent")
            String consent,
            OffsetDateTime grantedAt) {

        static ConsentView of(Consents.LearnerConsent consent) {
            return new ConsentView(consent.organizationId(), consent.organizationName(), consent.consent(), consent.grantedAt());
        }
    }
}
