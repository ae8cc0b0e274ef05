package org.recert.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of a webhook sent to an employer, the Standard Webhooks way: type, timestamp, data
 * (docs/webhooks/{type}.schema.json). {@code data} is a {@link StatusChanged} or a {@link ConsentChanged}.
 */
public record WebhookMessage(String type, Instant timestamp, Object data) {

    public static final String STATUS_CHANGED = "compliance.status.changed";
    public static final String CONSENT_GRANTED = "compliance.consent.granted";
    public static final String CONSENT_WITHDRAWN = "compliance.consent.withdrawn";

    /** A consenting member's status in a credential changed. Status only: never credits. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusChanged(UUID organizationId, String learnerId, String staffRef, String credential, String oldStatus,
            String newStatus, LocalDate cycleStart, LocalDate dueDate, Integer daysRemaining, BigDecimal shortfall,
            Provenance provenance) {
    }

    /** Who vouches for the points counted in the cycle, and whether the learner set the certification date themselves. */
    public record Provenance(BigDecimal providerReportedPoints, BigDecimal evidenceAttachedPoints, BigDecimal selfReportedPoints,
            boolean certificationSelfReported) {
    }

    /** A member granted (with their current statuses) or withdrew (without any) consent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentChanged(UUID organizationId, String learnerId, String staffRef, String consent, List<CurrentStatus> statuses) {
    }

    /** A learner's status in one credential, as a consent-granted message carries it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CurrentStatus(String credential, String status, LocalDate cycleStart, LocalDate dueDate, Integer daysRemaining,
            BigDecimal shortfall) {
    }
}
