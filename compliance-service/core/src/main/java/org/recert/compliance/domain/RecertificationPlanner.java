package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.FeeModel;

/**
 * Finds the catalog courses that close every shortfall of a cycle at the lowest total fee, then the fewest
 * contact minutes. Exact, not greedy.
 *
 * <p>Fees: a per-course fee is paid per course; a subscription is paid once per provider, at the highest fee among
 * that provider's current subscription courses, and covers all of them. Retired and already-taken courses are
 * skipped; with {@code approvedOnly} so are courses not approved by the rule set's approving body on the evaluation
 * day (an approval past its {@code approvalValidTo} no longer counts). Planned courses are assumed completed on the
 * evaluation day.
 *
 * <p>Method: the learner's standing is reduced to a short integer vector ({@link CoverageModel}: progress toward
 * each category minimum, the points above them, approved points, limited units used, each clipped where more stops
 * helping and measured in the largest unit that divides every value exactly). Then:
 * <ol>
 *   <li>courses that add nothing are dropped, and so is every course that enough cheaper-or-equal courses dominate
 *       (Pareto pruning: some cheapest plan never needs it);</li>
 *   <li>a greedy pass (best cost per point of unmet need, then dropping spare courses) gives a first plan whose cost
 *       is an upper bound;</li>
 *   <li>a dynamic programme over the discretised states, course by course (a provider's subscription as one step
 *       with its courses inside), keeps the cheapest way to reach each state, and drops states whose cost plus a
 *       lower bound (per-need one-dimensional covering knapsacks over the remaining courses) cannot beat the best
 *       plan found so far: branch and bound on an exact dynamic programme, so the result is optimal.</li>
 * </ol>
 * Fee and minutes are compared as one number, fee in the smallest fee unit times (all minutes + 1) plus minutes,
 * which orders plans by fee first and minutes second. Ties keep the first plan found, in a fixed course order, so
 * the answer is deterministic. The projected evaluation is computed by {@link Evaluator}, never by the model.
 */
public final class RecertificationPlanner {

    private RecertificationPlanner() {
    }

    /**
     * @param current        the evaluation of the same credits on {@code asOf}
     * @param credits        the learner's credits
     * @param takenCourseIds courses the learner already took, never proposed again
     * @param budget         the most the learner will pay; null: no limit
     * @param approvedOnly   only courses approved by the rule set's approving body (no effect when it has none)
     */
    public static RecertificationPlan plan(RuleSet rules, Evaluation current, List<CreditFact> credits, LocalDate certifiedOn,
            LocalDate asOf, List<CourseOffer> catalog, Set<String> takenCourseIds, BigDecimal budget, boolean approvedOnly) {
        return plan(rules, current, credits, certifiedOn, asOf, catalog, takenCourseIds, budget, approvedOnly, PlanLimits.DEFAULT);
    }

    /** As above, within limits on the courses considered and the search steps taken. */
    public static RecertificationPlan plan(RuleSet rules, Evaluation current, List<CreditFact> credits, LocalDate certifiedOn,
            LocalDate asOf, List<CourseOffer> catalog, Set<String> takenCourseIds, BigDecimal budget, boolean approvedOnly,
            PlanLimits limits) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(takenCourseIds, "takenCourseIds");
        if (budget != null && budget.signum() < 0) {
            throw new IllegalArgumentException("budget cannot be negative");
        }
        switch (current.status()) {
            case NO_CERTIFICATION:
                return RecertificationPlan.infeasible(Infeasibility.NO_CERTIFICATION,
                        "No " + rules.name() + " certification is recorded for this date: record the certification date first.",
                        current);
            case LAPSED:
                return RecertificationPlan.infeasible(Infeasibility.LAPSED, "The " + rules.name()
                        + " certification expired more than " + rules.graceDays() + " days ago (due " + current.dueDate()
                        + "): continuing education can no longer renew it; the exam must be retaken.", current);
            case COMPLIANT:
                return new RecertificationPlan(true, null, null, List.of(), List.of(), BigDecimal.ZERO, 0, current, PlanEffort.NONE);
            case GRACE:
                if (!rules.creditsAfterDueDateCount()) {
                    return RecertificationPlan.infeasible(Infeasibility.PAST_DUE, "The cycle was due " + current.dueDate()
                            + ": " + rules.issuer() + " does not say that credit completed after the due date is accepted, so no "
                            + "course taken now is sure to count. Ask " + rules.contact() + " before taking one; you may apply "
                            + "until " + current.graceEnd() + ".", current);
                }
                break;
            default:
                break;
        }
        for (Requirement requirement : current.requirements()) {
            for (CreditUnit unit : rules.requiredUnits().keySet()) {
                if (requirement.code() == RequirementCode.of(unit) && !requirement.met()) {
                    return RecertificationPlan.infeasible(Infeasibility.CATALOG_CANNOT_CLOSE_GAP, "A " + UnitWords.label(unit)
                            + " is required for this cycle, and no catalog course provides one.", current);
                }
            }
        }
        Objects.requireNonNull(certifiedOn, "certifiedOn");
        CycleWindow window = CycleWindow.of(rules, certifiedOn);
        Evaluator.Screening screening = Evaluator.screen(rules, window, credits, asOf);

        List<CourseOffer> offers = new ArrayList<>();
        List<EligibleCredit> converted = new ArrayList<>();
        for (CourseOffer offer : candidates(rules, catalog, takenCourseIds, asOf, approvedOnly)) {
            CreditAssessment assessment = CreditEligibility.assess(rules, offer.toCreditFact(asOf));
            if (assessment instanceof EligibleCredit credit && credit.total().signum() > 0) {
                offers.add(offer);
                converted.add(credit);
            }
        }
        int eligible = offers.size();
        boolean candidatesCut = eligible > limits.maxCandidates();
        if (candidatesCut) {
            List<Integer> kept = bestValue(offers, converted, limits.maxCandidates());
            List<CourseOffer> keptOffers = new ArrayList<>();
            List<EligibleCredit> keptConverted = new ArrayList<>();
            for (int i : kept) {
                keptOffers.add(offers.get(i));
                keptConverted.add(converted.get(i));
            }
            offers.clear();
            offers.addAll(keptOffers);
            converted.clear();
            converted.addAll(keptConverted);
        }
        Map<String, BigDecimal> subscriptionPrices = subscriptionPrices(catalog);
        CoverageModel model = new CoverageModel(rules, screening, converted);
        Costs costs = Costs.of(offers, subscriptionPrices);
        List<CoverageModel.Item> items = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            CourseOffer offer = offers.get(i);
            boolean subscription = offer.feeModel() == FeeModel.SUBSCRIPTION;
            items.add(model.item(rules, i, converted.get(i), offer.contactMinutes(), offer.fee(),
                    subscription ? offer.contactMinutes() : costs.of(offer.fee(), offer.contactMinutes()),
                    subscription ? offer.providerId() : null));
        }
        Map<String, Long> subscriptionCosts = new LinkedHashMap<>();
        subscriptionPrices.forEach((provider, price) -> subscriptionCosts.put(provider, costs.of(price, 0)));

        PlanSearch.Result result = PlanSearch.solve(model, items, subscriptionCosts, limits.maxSearchSteps());
        PlanEffort effort = new PlanEffort(eligible, offers.size(), candidatesCut, result.cut());
        int[] chosen = result.chosen();
        if (chosen == null) {
            List<CreditFact> everything = new ArrayList<>(credits);
            offers.forEach(offer -> everything.add(offer.toCreditFact(asOf)));
            Evaluation best = Evaluator.evaluate(rules, certifiedOn, everything, asOf);
            String missing = best.requirements().stream().filter(r -> !r.met())
                    .map(r -> r.code() + " short by " + Points.show(r.shortfall()))
                    .collect(Collectors.joining(", "));
            return new RecertificationPlan(false, Infeasibility.CATALOG_CANNOT_CLOSE_GAP, "Even every "
                    + (candidatesCut ? "considered" : "eligible") + " course in the catalog leaves " + missing + " " + rules.pointName()
                    + ".", List.of(), List.of(), BigDecimal.ZERO, 0, current, effort);
        }
        return priced(rules, credits, certifiedOn, asOf, offers, chosen, subscriptionPrices, budget, effort);
    }

    /**
     * The indices of at most {@code cap} offers, taken in turn from the best-value list of each need (each category, and
     * approved credit), so that every need keeps its cheapest courses. Value: fee per point, then minutes per point.
     */
    static List<Integer> bestValue(List<CourseOffer> offers, List<EligibleCredit> converted, int cap) {
        // Ratios computed once: sorting compares each course many times.
        BigDecimal[] feePerPoint = new BigDecimal[offers.size()];
        BigDecimal[] minutesPerPoint = new BigDecimal[offers.size()];
        for (int i = 0; i < offers.size(); i++) {
            BigDecimal points = converted.get(i).total();
            feePerPoint[i] = offers.get(i).fee().divide(points, 10, java.math.RoundingMode.HALF_UP);
            minutesPerPoint[i] = BigDecimal.valueOf(offers.get(i).contactMinutes()).divide(points, 10, java.math.RoundingMode.HALF_UP);
        }
        Comparator<Integer> byValue = Comparator.comparing((Integer i) -> feePerPoint[i]).thenComparing(i -> minutesPerPoint[i])
                .thenComparing(i -> offers.get(i).courseId());
        List<List<Integer>> needs = new ArrayList<>();
        for (Category category : Category.values()) {
            needs.add(java.util.stream.IntStream.range(0, offers.size()).boxed()
                    .filter(i -> converted.get(i).points().containsKey(category)).sorted(byValue).toList());
        }
        needs.add(java.util.stream.IntStream.range(0, offers.size()).boxed().filter(i -> converted.get(i).approved())
                .sorted(byValue).toList());
        Set<Integer> kept = new java.util.LinkedHashSet<>();
        int[] next = new int[needs.size()];
        boolean more = true;
        while (kept.size() < cap && more) {
            more = false;
            for (int n = 0; n < needs.size() && kept.size() < cap; n++) {
                List<Integer> need = needs.get(n);
                while (next[n] < need.size() && kept.contains(need.get(next[n]))) {
                    next[n]++;
                }
                if (next[n] < need.size()) {
                    kept.add(need.get(next[n]++));
                    more = true;
                }
            }
        }
        return kept.stream().sorted().toList();
    }

    private static RecertificationPlan priced(RuleSet rules, List<CreditFact> credits, LocalDate certifiedOn, LocalDate asOf,
            List<CourseOffer> offers, int[] chosen, Map<String, BigDecimal> subscriptionPrices, BigDecimal budget, PlanEffort effort) {
        List<CourseOffer> courses = new ArrayList<>();
        for (int i : chosen) {
            courses.add(offers.get(i));
        }
        courses.sort(Comparator.comparing(CourseOffer::courseId));
        Set<String> subscribed = new TreeSet<>();
        BigDecimal fee = BigDecimal.ZERO;
        int minutes = 0;
        List<CreditFact> projectedCredits = new ArrayList<>(credits);
        for (CourseOffer course : courses) {
            if (course.feeModel() == FeeModel.SUBSCRIPTION) {
                if (subscribed.add(course.providerId())) {
                    fee = fee.add(subscriptionPrices.get(course.providerId()));
                }
            } else {
                fee = fee.add(course.fee());
            }
            minutes += course.contactMinutes();
            projectedCredits.add(course.toCreditFact(asOf));
        }
        Evaluation projected = Evaluator.evaluate(rules, certifiedOn, projectedCredits, asOf);
        if (!projected.requirementsMet()) {
            throw new IllegalStateException("planned courses do not meet " + rules.code() + ": " + projected.requirements());
        }
        if (budget != null && fee.compareTo(budget) > 0) {
            return new RecertificationPlan(false, Infeasibility.OVER_BUDGET, "The cheapest plan costs " + Points.show(fee)
                    + ", over the budget of " + Points.show(budget) + ".", courses, List.copyOf(subscribed), fee, minutes,
                    projected, effort);
        }
        return new RecertificationPlan(true, null, null, courses, List.copyOf(subscribed), fee, minutes, projected, effort);
    }

    /** The courses the planner may propose, in course-id order. */
    static List<CourseOffer> candidates(RuleSet rules, List<CourseOffer> catalog, Set<String> takenCourseIds, LocalDate asOf,
            boolean approvedOnly) {
        return catalog.stream()
                .filter(offer -> !offer.retired())
                .filter(offer -> !takenCourseIds.contains(offer.courseId()))
                .filter(offer -> !approvedOnly || rules.approvingBody() == null
                        || offer.approvalOn(asOf) == rules.approvingBody())
                .sorted(Comparator.comparing(CourseOffer::courseId))
                .collect(Collectors.toList());
    }

    /** Each provider's subscription price: the highest fee among its subscription courses that are not retired. */
    static Map<String, BigDecimal> subscriptionPrices(List<CourseOffer> catalog) {
        Map<String, BigDecimal> prices = new TreeMap<>();
        for (CourseOffer offer : catalog) {
            if (offer.feeModel() == FeeModel.SUBSCRIPTION && !offer.retired()) {
                prices.merge(offer.providerId(), offer.fee(), Points::max);
            }
        }
        return prices;
    }

    /** Fee and minutes as one number that orders plans by fee, then minutes. */
    private record Costs(int feeScale, long minuteWeight) {

        static Costs of(List<CourseOffer> offers, Map<String, BigDecimal> subscriptionPrices) {
            int scale = 2;
            long minutes = 1;
            BigDecimal fees = BigDecimal.ZERO;
            for (CourseOffer offer : offers) {
                scale = Math.max(scale, offer.fee().stripTrailingZeros().scale());
                minutes += offer.contactMinutes();
                fees = fees.add(offer.fee());
            }
            for (BigDecimal price : subscriptionPrices.values()) {
                scale = Math.max(scale, price.stripTrailingZeros().scale());
                fees = fees.add(price);
            }
            Costs costs = new Costs(scale, minutes);
            try {
                // Every sum the search forms stays below this, so no cost can overflow.
                Math.multiplyExact(Math.addExact(fees.movePointRight(scale).longValueExact(), 1L), Math.multiplyExact(minutes, 4L));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("catalog fees are too large to plan over", e);
            }
            return costs;
        }

        long of(BigDecimal fee, int minutes) {
            return fee.movePointRight(feeScale).longValueExact() * minuteWeight + minutes;
        }
    }
}
