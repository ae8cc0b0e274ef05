package org.recert.credits.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A learner's active credits over a period with their totals: by category and by approval, in the units as
 * issued and as contact-hour equivalents (units without one, CPR cards, count only as issued).
 */
@Schema(name = "Transcript")
public record Transcript(
        @Schema(examples = "maria") String learnerId,
        @Schema(nullable = true, examples = "2022-04-01") LocalDate from,
        @Schema(nullable = true, examples = "2027-03-31") LocalDate to,
        Instant generatedAt,
        List<Credit> credits,
        TranscriptTotals totals) {

    @Schema(name = "UnitValue", examples = "{\"unit\":\"AAMA_CEU\",\"value\":4}")
    public record UnitValue(CreditUnit unit, BigDecimal value) {
    }

    @Schema(name = "Totals")
    public record Totals(List<UnitValue> issued, @Schema(examples = "6.5") BigDecimal contactHourEquivalent) {
    }

    @Schema(name = "CategoryTotals")
    public record CategoryTotals(Category category, List<UnitValue> issued, BigDecimal contactHourEquivalent) {
    }

    @Schema(name = "ApprovalTotals")
    public record ApprovalTotals(Approval approval, List<UnitValue> issued, BigDecimal contactHourEquivalent) {
    }

    @Schema(name = "TranscriptTotals")
    public record TranscriptTotals(Totals overall, List<CategoryTotals> byCategory, List<ApprovalTotals> byApproval) {
    }

    /** The transcript of {@code credits}; revoked credits are left out. */
    public static Transcript of(String learnerId, LocalDate from, LocalDate to, Instant generatedAt, List<Credit> credits) {
        List<Credit> active = credits.stream().filter(Credit::isActive).toList();
        Totals overall = totals(active, c -> c.amount().value());
        List<CategoryTotals> byCategory = new ArrayList<>();
        for (Category category : Category.values()) {
            Totals t = totals(active, c -> c.content().valueIn(category));
            byCategory.add(new CategoryTotals(category, t.issued(), t.contactHourEquivalent()));
        }
        List<ApprovalTotals> byApproval = new ArrayList<>();
        for (Approval approval : Approval.values()) {
            Predicate<Credit> match = c -> c.approval() == approval;
            Totals t = totals(active.stream().filter(match).toList(), c -> c.amount().value());
            byApproval.add(new ApprovalTotals(approval, t.issued(), t.contactHourEquivalent()));
        }
        return new Transcript(learnerId, from, to, generatedAt, active, new TranscriptTotals(overall, byCategory, byApproval));
    }

    /** Sums {@code value} of each credit per unit, and as contact hours where the unit has an equivalent. */
    public static Totals totals(List<Credit> credits, Function<Credit, BigDecimal> value) {
        Map<CreditUnit, BigDecimal> byUnit = new EnumMap<>(CreditUnit.class);
        BigDecimal hours = BigDecimal.ZERO;
        for (Credit credit : credits) {
            BigDecimal v = value.apply(credit);
            if (v.signum() == 0) {
                continue;
            }
            CreditUnit unit = credit.amount().unit();
            byUnit.merge(unit, v, BigDecimal::add);
            hours = hours.add(unit.contactHourEquivalent(v).orElse(BigDecimal.ZERO));
        }
        List<UnitValue> issued = byUnit.entrySet().stream()
                .map(e -> new UnitValue(e.getKey(), Decimals.normalize(e.getValue()))).toList();
        return new Totals(issued, Decimals.normalize(hours));
    }
}
