package org.recert.credits.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;
import org.recert.contracts.Verification;
import org.recert.contracts.CreditSource;
import org.recert.contracts.CreditStatus;

/** One version of a credit, whole: what the API answers and what credits.ledger.v1 carries (contracts.md). */
@Schema(name = "Credit", description = "A credit in the ledger, at one version")
public record Credit(
        @Schema(examples = "0b9f5a8e-4a55-4c43-9d3e-6d2f4f1f7a10") UUID id,
        @Schema(examples = "maria") String learnerId,
        @Schema(examples = "ONLINE_WORKSHOP") ActivityType activityType,
        @Schema(examples = "Infection control update 2025") String title,
        @Schema(examples = "AAMA e-Learning Center") String providerName,
        @Schema(nullable = true) UUID courseId,
        @Schema(examples = "2025-05-01") LocalDate completedOn,
        Amount amount,
        List<CategoryValue> categories,
        @Schema(examples = "AAMA") Approval approval,
        @Schema(examples = "120", nullable = true) Integer contactMinutes,
        @Schema(nullable = true) Evidence evidence,
        @Schema(description = "Who first put the credit in the ledger", examples = "LEARNER_REPORTED") CreditSource source,
        @Schema(description = "Who vouches for this version: the provider's report, evidence the learner attached, or the "
                + "learner's word alone (a learner's correction of a provider's report is no longer the provider's)",
                examples = "SELF_REPORTED") Verification verification,
        @Schema(examples = "ACTIVE") CreditStatus status,
        @Schema(examples = "1") int version,
        @Schema(examples = "2026-01-01T00:00:00Z") Instant recordedAt,
        @Schema(description = "Why this version was made (corrections and revocations)", nullable = true) String reason,
        @Schema(description = "The amount in contact hours, where the unit is defined by time", examples = "2", nullable = true)
        BigDecimal contactHourEquivalent) {

    /** A new credit, vouched for as its source and evidence say. */
    public static Credit of(UUID id, String learnerId, CreditContent content, CreditSource source, CreditStatus status,
            int version, Instant recordedAt, String reason) {
        return of(id, learnerId, content, source, Vouching.of(source, content.evidence()), status, version, recordedAt, reason);
    }

    public static Credit of(UUID id, String learnerId, CreditContent content, CreditSource source, Verification verification,
            CreditStatus status, int version, Instant recordedAt, String reason) {
        return new Credit(id, learnerId, content.activityType(), content.title(), content.providerName(), content.courseId(),
                content.completedOn(), content.amount(), content.categories(), content.approval(), content.contactMinutes(),
                content.evidence(), source, verification, status, version, recordedAt, reason,
                ContactHours.of(content.amount().unit(), content.amount().value()).map(Decimals::normalize).orElse(null));
    }

    public CreditContent content() {
        return new CreditContent(activityType, title, providerName, courseId, completedOn, amount, categories, approval,
                contactMinutes, evidence);
    }

    public boolean isActive() {
        return status == CreditStatus.ACTIVE;
    }
}
