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

    @Schema(name = "ConsentEvent", description = "One grant or withdrawal of a learner's consent")
    public record ConsentEventView(
            OffsetDateTime at,
            @Schema(examples = "22222222-2222-4222-8222-222222222222") UUID organizationId,
            @Schema(examples = "Care Clinic", description = "Null once the organization is deleted") String organizationName,
            @Schema(enumeration = { "GRANTED", "WITHDRAWN" }) String action,
            @Schema(enumeration = { "BY_LEARNER", "BY_ADMIN", "REMOVED_FROM_ROSTER" },
                    description = "REMOVED_FROM_ROSTER: the organization took the learner off its roster, which ends the consent")
            String reason,
            @Schema(enumeration = { "learner", "employer", "admin" }) String actorRole,
            @Schema(examples = "maria", description = "The subject of whoever made the change") String actorId) {

        static ConsentEventView of(Consents.ConsentEvent event) {
            return new ConsentEventView(event.at(), event.organizationId(), event.organizationName(), event.action(),
                    event.reason().name(), event.actorRole(), event.actorId());
        }
    }
}
