package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Verification;
import org.recert.contracts.ComplianceStatus;

/**
 * Evaluates a learner's credits against a rule set on a day. A pure function of its arguments.
 *
 * <p>Order of the rules: a revoked credit is listed as revoked; a credit completed outside the cycle window
 * (cycle start through grace end) or after the evaluation day does not count; then the credit alone is judged
 * (activity type, unit, length, conversion to points); then the per-cycle unit limits (the first cards in credit
 * order count); then the cap on points not approved by the approving body (see {@link NonApprovedAllocation}).
 */
public final class Evaluator {

    private static final Comparator<CreditFact> CREDIT_ORDER =
            Comparator.comparing(CreditFact::completedOn).thenComparing(CreditFact::creditId);

    private Evaluator() {
    }

    /** Evaluates with the rule set's default at-risk window. */
    public static Evaluation evaluate(RuleSet rules, LocalDate certifiedOn, List<CreditFact> credits, LocalDate asOf) {
        return evaluate(rules, certifiedOn, credits, asOf, rules.atRiskDays());
    }

    /**
     * @param certifiedOn date of certification or last recertification; null when the learner holds none
     * @param atRiskDays  a shortfall this many days or fewer before the due date is AT_RISK
     */
    public static Evaluation evaluate(RuleSet rules, LocalDate certifiedOn, List<CreditFact> credits, LocalDate asOf,
            int atRiskDays) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(asOf, "asOf");
        if (atRiskDays < 0) {
            throw new IllegalArgumentException("atRiskDays cannot be negative");
        }
        if (certifiedOn == null || asOf.isBefore(certifiedOn)) {
            List<Requirement> nothingEarned = requirements(rules, BigDecimal.ZERO, Map.of(), BigDecimal.ZERO);
            // A certification recorded for a later day starts to count on that day.
            return new Evaluation(rules.code(), asOf, ComplianceStatus.NO_CERTIFICATION, null, null, null, null,
                    nothingEarned, List.of(), List.of(), certifiedOn, null, rules.version());
        }
        CycleWindow window = CycleWindow.of(rules, certifiedOn);
        Screening screening = screen(rules, window, credits, asOf);
        List<ExcludedCredit> excluded = new ArrayList<>(screening.excluded());

        Map<Category, BigDecimal> approvedByCategory = new EnumMap<>(Category.class);
        List<NonApprovedAllocation.Share> shares = new ArrayList<>();
        for (EligibleCredit credit : screening.eligible()) {
            credit.points().forEach((category, points) -> {
                if (credit.approved()) {
                    approvedByCategory.merge(category, points, BigDecimal::add);
                } else {
                    shares.add(new NonApprovedAllocation.Share(credit.creditId(), category, points));
                }
            });
        }
        Optional<BigDecimal> cap = rules.nonApprovedCap();
        BigDecimal[] countedShares = cap.isPresent()
                ? NonApprovedAllocation.allocate(approvedByCategory, shares, rules.categoryMinimums(), cap.get())
                : shares.stream().map(NonApprovedAllocation.Share::points).toArray(BigDecimal[]::new);

        // who vouches for each counted credit travels with its points, for the employers who weigh them
        Map<String, Verification> vouchedBy = new java.util.HashMap<>();
        for (CreditFact credit : credits) {
            if (credit.verification() != null) {
                vouchedBy.putIfAbsent(credit.creditId(), credit.verification());
            }
        }
        List<CountedCredit> counted = new ArrayList<>();
        Map<Category, BigDecimal> earnedByCategory = new EnumMap<>(Category.class);
        Map<String, BigDecimal> overCap = new LinkedHashMap<>();
        int share = 0;
        for (EligibleCredit credit : screening.eligible()) {
            for (Map.Entry<Category, BigDecimal> entry : credit.points().entrySet()) {
                BigDecimal points = entry.getValue();
                if (!credit.approved()) {
                    BigDecimal countedPoints = countedShares[share++];
                    if (countedPoints.compareTo(points) < 0) {
                        overCap.merge(credit.creditId(), points.subtract(countedPoints), BigDecimal::add);
                    }
                    points = countedPoints;
                }
                if (points.signum() > 0) {
                    counted.add(new CountedCredit(credit.creditId(), points, entry.getKey(), credit.approved(),
                            vouchedBy.get(credit.creditId())));
                    earnedByCategory.merge(entry.getKey(), points, BigDecimal::add);
                }
            }
        }
        overCap.forEach((creditId, points) -> excluded.add(new ExcludedCredit(creditId, ExclusionCode.OVER_NON_APPROVED_CAP,
                "Credit not approved by " + rules.approvingBody() + " counts for " + Points.show(cap.orElseThrow()) + " "
                        + rules.pointName() + " at most; " + Points.show(points) + " of this credit's " + rules.pointName()
                        + " are over that limit.", points)));

        BigDecimal total = earnedByCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal approvedTotal = approvedByCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Requirement> requirements = requirements(rules, total, earnedByCategory, approvedTotal);
        rules.requiredUnits().forEach((unit, count) -> requirements.add(Requirement.of(RequirementCode.of(unit),
                BigDecimal.valueOf(count), screening.heldUnits().getOrDefault(unit, BigDecimal.ZERO))));
        boolean met = requirements.stream().allMatch(Requirement::met);
        LocalDate applyBy = rules.applyBy(window.dueDate(), counted.stream().allMatch(CountedCredit::approved));
        return withStatus(rules, window, asOf, atRiskDays, met, screening.nextCompletion(), requirements, counted, excluded,
                applyBy);
    }

    /**
     * ON_TRACK until {@code atRiskDays} before the last day to apply, AT_RISK from then to the due date, GRACE after it
     * until the grace period ends, LAPSED after that; COMPLIANT whenever every requirement is met before then.
     */
    private static Evaluation withStatus(RuleSet rules, CycleWindow window, LocalDate asOf, int atRiskDays, boolean met,
            LocalDate nextCompletion, List<Requirement> requirements, List<CountedCredit> counted,
            List<ExcludedCredit> excluded, LocalDate applyBy) {
        LocalDate due = window.dueDate();
        LocalDate atRiskFrom = applyBy.minusDays(atRiskDays);
        long daysRemaining = ChronoUnit.DAYS.between(asOf, due);
        ComplianceStatus status;
        LocalDate next;
        if (asOf.isAfter(window.graceEnd())) {
            status = ComplianceStatus.LAPSED;
            next = null;
        } else if (met) {
            // Met requirements only matter until the grace period closes; a recorded recertification starts a new cycle.
            status = ComplianceStatus.COMPLIANT;
            next = window.graceEnd().plusDays(1);
        } else if (!asOf.isAfter(due)) {
            boolean atRisk = !asOf.isBefore(atRiskFrom);
            status = atRisk ? ComplianceStatus.AT_RISK : ComplianceStatus.ON_TRACK;
            next = atRisk ? due.plusDays(1) : atRiskFrom;
        } else {
            status = ComplianceStatus.GRACE;
            next = window.graceEnd().plusDays(1);
        }
        // A credit dated after the evaluation day starts to count on that day, which may change the status too.
        if (!met && next != null && nextCompletion != null && nextCompletion.isBefore(next)) {
            next = nextCompletion;
        }
        return new Evaluation(rules.code(), asOf, status, window.cycleStart(), due, window.graceEnd(),
                Math.toIntExact(daysRemaining), requirements, counted, excluded, next, applyBy, rules.version());
    }

    private static List<Requirement> requirements(RuleSet rules, BigDecimal total, Map<Category, BigDecimal> earnedByCategory,
            BigDecimal approvedTotal) {
        List<Requirement> requirements = new ArrayList<>();
        requirements.add(Requirement.of(RequirementCode.TOTAL, rules.totalPoints(), total));
        rules.categoryMinimums().forEach((category, minimum) -> requirements.add(Requirement.of(
                RequirementCode.of(category), minimum, earnedByCategory.getOrDefault(category, BigDecimal.ZERO))));
        if (rules.approvedMinimum() != null) {
            requirements.add(Requirement.of(RequirementCode.AAMA_APPROVED, rules.approvedMinimum(), approvedTotal));
        }
        return requirements;
    }

    /**
     * Credits after every rule but the non-approved cap.
     *
     * @param nextCompletion earliest completion date after the evaluation day among credits of the window; null if none
     * @param heldUnits      units of each kind the rule set requires, among credits that may count (before unit limits)
     */
    record Screening(List<EligibleCredit> eligible, List<ExcludedCredit> excluded, Map<CreditUnit, BigDecimal> limitedUnitsUsed,
            LocalDate nextCompletion, Map<CreditUnit, BigDecimal> heldUnits) {
    }

    static Screening screen(RuleSet rules, CycleWindow window, List<CreditFact> credits, LocalDate asOf) {
        List<CreditFact> ordered = new ArrayList<>(credits);
        ordered.sort(CREDIT_ORDER);
        List<EligibleCredit> eligible = new ArrayList<>();
        List<ExcludedCredit> excluded = new ArrayList<>();
        Map<CreditUnit, BigDecimal> used = new EnumMap<>(CreditUnit.class);
        LocalDate nextCompletion = null;
        Map<CreditUnit, BigDecimal> held = new EnumMap<>(CreditUnit.class);
        for (CreditFact credit : ordered) {
            String id = credit.creditId();
            LocalDate day = credit.completedOn();
            if (credit.revoked()) {
                excluded.add(new ExcludedCredit(id, ExclusionCode.REVOKED, "Revoked; it no longer counts.", null));
            } else if (day.isBefore(window.cycleStart())) {
                excluded.add(new ExcludedCredit(id, ExclusionCode.OUTSIDE_CYCLE,
                        "Completed on " + day + ", before this cycle began on " + window.cycleStart() + ".", null));
            } else if (day.isAfter(window.graceEnd())) {
                excluded.add(new ExcludedCredit(id, ExclusionCode.OUTSIDE_CYCLE,
                        "Completed on " + day + ", after this cycle's grace period ended on " + window.graceEnd() + ".", null));
            } else if (day.isAfter(window.dueDate()) && !rules.creditsAfterDueDateCount()) {
                excluded.add(new ExcludedCredit(id, ExclusionCode.COMPLETED_AFTER_DUE_DATE, "Completed on " + day
                        + ", after the due date " + window.dueDate() + ". " + rules.issuer() + " asks for credit earned within the "
                        + "recertification period and does not say that later credit is accepted, so it does not count here; ask "
                        + rules.contact() + " before relying on it.", null));
            } else if (day.isAfter(asOf)) {
                excluded.add(new ExcludedCredit(id, ExclusionCode.COMPLETED_AFTER_EVALUATION_DATE,
                        "Completed on " + day + ", after the evaluation date " + asOf + ".", null));
                nextCompletion = nextCompletion == null || day.isBefore(nextCompletion) ? day : nextCompletion;
            } else {
                CreditAssessment assessment = CreditEligibility.assess(rules, credit);
                if (assessment instanceof ExcludedCredit refused) {
                    excluded.add(refused);
                } else if (assessment instanceof EligibleCredit accepted) {
                    if (rules.requiredUnits().containsKey(credit.unit())) {
                        held.merge(credit.unit(), credit.amount(), BigDecimal::add);
                    }
                    EligibleCredit limited = applyUnitLimit(rules, accepted, used, excluded);
                    if (limited != null) {
                        eligible.add(limited);
                    }
                }
            }
        }
        return new Screening(eligible, excluded, used, nextCompletion, held);
    }

    /** Counts a limited unit (e.g. CPR cards) only while the cycle's allowance lasts; returns null when none of it counts. */
    private static EligibleCredit applyUnitLimit(RuleSet rules, EligibleCredit credit, Map<CreditUnit, BigDecimal> used,
            List<ExcludedCredit> excluded) {
        if (credit.limitedUnit() == null) {
            return credit;
        }
        CreditUnit unit = credit.limitedUnit();
        UnitRule rule = rules.units().get(unit);
        BigDecimal max = BigDecimal.valueOf(rule.maxUnitsPerCycle());
        BigDecimal left = max.subtract(used.getOrDefault(unit, BigDecimal.ZERO));
        BigDecimal countedUnits = Points.max(BigDecimal.ZERO, Points.min(left, credit.units()));
        used.merge(unit, countedUnits, BigDecimal::add);
        if (countedUnits.compareTo(credit.units()) < 0) {
            EligibleCredit counted = credit.limitedTo(countedUnits, rule);
            excluded.add(new ExcludedCredit(credit.creditId(), ExclusionCode.UNIT_LIMIT_REACHED,
                    "Only " + max + " " + UnitWords.plural(unit) + " count per cycle for " + rules.name() + ", and "
                            + (countedUnits.signum() == 0 ? "they already do." : "this credit reaches that limit."),
                    credit.total().subtract(counted.total())));
            return countedUnits.signum() == 0 ? null : counted;
        }
        return credit;
    }
}
