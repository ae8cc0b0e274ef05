package org.recert.compliance.status;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.compliance.domain.CountedCredit;
import org.recert.contracts.Verification;

/**
 * Who vouches for a learner's standing, as an employer sees it: the points counted in the current cycle by who vouches
 * for their credits, and whether the learner set their certification date themselves. It changes nothing in the
 * status; it says how much of it rests on the learner's word.
 */
@Schema(name = "Provenance", description = "Who vouches for the points counted in the current cycle, and for the certification date",
        example = "{\"providerReportedPoints\":40,\"evidenceAttachedPoints\":10,\"selfReportedPoints\":10,\"certificationSelfReported\":true}")
public record Provenance(
        @Schema(description = "Points counted from credits that a course provider reported") BigDecimal providerReportedPoints,
        @Schema(description = "Points counted from credits the learner entered with evidence") BigDecimal evidenceAttachedPoints,
        @Schema(description = "Points counted from credits resting on the learner's word alone") BigDecimal selfReportedPoints,
        @Schema(description = "The learner recorded the certification date themselves (not an admin)") boolean certificationSelfReported) {

    public static Provenance of(StatusView view, boolean certificationSelfReported) {
        Map<Verification, BigDecimal> points = new EnumMap<>(Verification.class);
        for (Verification verification : Verification.values()) {
            points.put(verification, BigDecimal.ZERO);
        }
        for (CountedCredit counted : view.counted()) {
            // a credit whose voucher is unknown is worth the learner's word
            Verification verification = counted.verification() == null ? Verification.SELF_REPORTED : counted.verification();
            points.merge(verification, counted.points(), BigDecimal::add);
        }
        return new Provenance(plain(points.get(Verification.PROVIDER_REPORTED)), plain(points.get(Verification.EVIDENCE_ATTACHED)),
                plain(points.get(Verification.SELF_REPORTED)), certificationSelfReported);
    }

    /** 10.00 and 10 are one value; never in exponent form. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
