package org.recert.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of a {@code credits.ledger.v1} event (docs/events/credits.ledger.v1.schema.json): the whole credit after the
 * change. Versions grow by one per change; consumers keep the highest per credit.
 */
public record LedgerEvent(
        UUID id,
        String learnerId,
        ActivityType activityType,
        String title,
        String providerName,
        UUID courseId,
        LocalDate completedOn,
        Amount amount,
        List<CategoryValue> categories,
        Approval approval,
        Integer contactMinutes,
        Evidence evidence,
        CreditSource source,
        @JsonInclude(JsonInclude.Include.NON_NULL) Verification verification,
        CreditStatus status,
        long version,
        Instant recordedAt,
        String reason,
        BigDecimal contactHourEquivalent) {

    public static final String RECORDED = "CreditRecorded";
    public static final String CORRECTED = "CreditCorrected";
    public static final String REVOKED = "CreditRevoked";

    /** How much credit, in the unit it was issued in. */
    public record Amount(BigDecimal value, CreditUnit unit) {
    }

    /** What the learner showed for the credit; every part optional. */
    public record Evidence(String issuer, String certificateNumber, String fileName, String sha256) {

        /** Whether any part of the evidence is given. */
        public boolean given() {
            return Stream.of(issuer, certificateNumber, fileName, sha256).anyMatch(part -> part != null);
        }
    }

    /**
     * Who vouches for this version. Events written before the field existed say it through their source and evidence,
     * as the schema describes.
     */
    public Verification vouchedBy() {
        if (verification != null) {
            return verification;
        }
        if (source == CreditSource.PROVIDER_REPORTED) {
            return Verification.PROVIDER_REPORTED;
        }
        return evidence != null && evidence.given() ? Verification.EVIDENCE_ATTACHED : Verification.SELF_REPORTED;
    }
}
