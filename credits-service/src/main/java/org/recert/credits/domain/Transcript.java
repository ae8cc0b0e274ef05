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
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;

/**
 * A learner's active credits over a period, one page of them (oldest first), with the totals of the whole period: by
 * category and by approval, in the units as issued and as contact-hour equivalents (units without one, CPR cards, count
 * only as issued). The totals come from {@link Sum}s, which the database adds up without loading every credit.
 */
@Schema(name = "Transcript")
public record Transcript(
        @Schema(examples = "maria") String learnerId,
        @Schema(nullable = true, examples = "2022-04-01") LocalDate from,
        @Schema(nullable = true, examples = "2027-03-31") LocalDate to,
        Instant generatedAt,
        @Schema(description = "One page of the period's active credits, oldest first") List<Credit> credits,
        @Schema(description = "Totals of the whole period, not only of this page") TranscriptTotals totals,
        @Schema(description = "Ask again with cursor=this for the next page; null on the last", nullable = true) String nextCursor) {

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

    /** What a period's active credits of one unit and one approval add up to, in that unit. */
    public record Sum(CreditUnit unit, Approval approval, BigDecimal amount, BigDecimal administrative, BigDecimal clinical,
            BigDecimal general) {

        public static Sum of(Credit credit) {
            CreditContent content = credit.content();
            return new Sum(credit.amount().unit(), credit.approval(), credit.amount().value(), content.valueIn(Category.ADMINISTRATIVE),
                    content.valueIn(Category.CLINICAL), content.valueIn(Category.GENERAL));
        }

        public BigDecimal in(Category category) {
            return switch (category) {
                case ADMINISTRATIVE -> administrative;
                case CLINICAL -> clinical;
                case GENERAL -> general;
            };
        }
    }

    /** The whole transcript of {@code credits}, on one page; revoked credits are left out. */
    public static Transcript of(String learnerId, LocalDate from, LocalDate to, Instant generatedAt, List<Credit> credits) {
        List<Credit> active = credits.stream().filter(Credit::isActive).toList();
        return page(learnerId, from, to, generatedAt, active, active.stream().map(Sum::of).toList(), null);
    }

    /** One page of credits with the totals of the period's {@code sums}. */
    public static Transcript page(String learnerId, LocalDate from, LocalDate to, Instant generatedAt, List<Credit> credits,
            List<Sum> sums, String nextCursor) {
        Totals overall = totals(sums, sum -> true, Sum::amount);
        List<CategoryTotals> byCategory = new ArrayList<>();
        for (Category category : Category.values()) {
            Totals t = totals(sums, sum -> true, sum -> sum.in(category));
            byCategory.add(new CategoryTotals(category, t.issued(), t.contactHourEquivalent()));
        }
        List<ApprovalTotals> byApproval = new ArrayList<>();
        for (Approval approval : Approval.values()) {
            Totals t = totals(sums, sum -> sum.approval() == approval, Sum::amount);
            byApproval.add(new ApprovalTotals(approval, t.issued(), t.contactHourEquivalent()));
        }
        return new Transcript(learnerId, from, to, generatedAt, credits, new TranscriptTotals(overall, byCategory, byApproval),
                nextCursor);
    }

    /** Adds {@code value} of the matching sums per unit, and as contact hours where the unit has an equivalent. */
    public static Totals totals(List<Sum> sums, Predicate<Sum> which, Function<Sum, BigDecimal> value) {
        Map<CreditUnit, BigDecimal> byUnit = new EnumMap<>(CreditUnit.class);
        BigDecimal hours = BigDecimal.ZERO;
        for (Sum sum : sums) {
            BigDecimal v = value.apply(sum);
            if (!which.test(sum) || v.signum() == 0) {
                continue;
            }
            byUnit.merge(sum.unit(), v, BigDecimal::add);
            hours = hours.add(ContactHours.of(sum.unit(), v).orElse(BigDecimal.ZERO));
        }
        List<UnitValue> issued = byUnit.entrySet().stream()
                .map(e -> new UnitValue(e.getKey(), Decimals.normalize(e.getValue()))).toList();
        return new Totals(issued, Decimals.normalize(hours));
    }
}
