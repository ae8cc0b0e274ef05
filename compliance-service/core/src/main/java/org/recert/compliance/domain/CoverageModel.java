package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;

/**
 * A learner's progress toward a rule set as a short vector of integers, for the planner to search over.
 *
 * <p>With A the approved points, N the non-approved points and P = A + N (per category c or in total), the
 * evaluator finds every requirement met exactly when (i) A >= approved minimum, (ii) P_c >= minimum_c for each c,
 * (iii) the category deficits left by approved points, sum of max(0, minimum_c - A_c), fit within the
 * non-approved cap, and (iv) P >= total. (Given (i), the capped total A + min(N, cap) reaches the total exactly
 * when P does, because cap = total - approved minimum; and the evaluator's allocation closes the deficits whenever
 * (ii) and (iii) hold.) The state keeps, in ticks (the largest unit that measures every value exactly):
 * <ul>
 *   <li>for each category with a minimum, P_c clipped at the minimum;</li>
 *   <li>"extra": the points above the category minimums, clipped at total - sum of minimums;</li>
 *   <li>A clipped at the approved minimum;</li>
 *   <li>only when the minimums exceed the cap, so that (iii) can bind: A_c clipped at the minimum;</li>
 *   <li>for each limited unit (CPR cards), the units used so far.</li>
 * </ul>
 * Clipping loses nothing: a value above its clip never helps any requirement.
 */
final class CoverageModel {

    /**
     * One candidate course in ticks.
     *
     * @param add     points per category (by ordinal) when the whole credit counts
     * @param units   for a limited unit, its amount in unit ticks; {@code perUnit} points go to {@code fixedCategory} each
     * @param cost    fee in the smallest fee unit times the minute weight, plus minutes; for a subscription course,
     *                minutes only (the subscription is paid by its bundle)
     * @param bundle  the provider whose subscription covers this course, else null
     */
    record Item(int offer, int[] add, boolean approved, int limitedDim, int units, int perUnit, int fixedCategory,
            int minutes, BigDecimal fee, long cost, String bundle) {
    }

    private static final Category[] CATEGORIES = Category.values();

    final int dims;
    final int[] max;
    final int[] start;
    private final long[] radix;
    private final int[] covDim = new int[CATEGORIES.length];
    private final int[] acovDim = new int[CATEGORIES.length];
    private final int extraDim;
    private final int aprDim;
    private final int capTicks;
    private final boolean approvalMatters;
    private final Map<CreditUnit, Integer> limitedDims = new EnumMap<>(CreditUnit.class);
    private final Map<CreditUnit, BigDecimal> unitTicks = new EnumMap<>(CreditUnit.class);
    private final BigDecimal tick;

    CoverageModel(RuleSet rules, Evaluator.Screening current, List<EligibleCredit> candidates) {
        Map<Category, BigDecimal> all = new EnumMap<>(Category.class);
        Map<Category, BigDecimal> approved = new EnumMap<>(Category.class);
        for (EligibleCredit credit : current.eligible()) {
            credit.points().forEach((category, points) -> {
                all.merge(category, points, BigDecimal::add);
                if (credit.approved()) {
                    approved.merge(category, points, BigDecimal::add);
                }
            });
        }
        BigDecimal approvedTotal = sum(approved.values());
        BigDecimal minimums = sum(rules.categoryMinimums().values());
        BigDecimal extra = Points.max(BigDecimal.ZERO, rules.totalPoints().subtract(minimums));
        BigDecimal approvedMinimum = rules.approvedMinimum();
        BigDecimal cap = rules.nonApprovedCap().orElse(null);
        boolean capCanBind = cap != null && minimums.compareTo(cap) > 0;
        approvalMatters = approvedMinimum != null;

        for (EligibleCredit candidate : candidates) {
            if (candidate.limitedUnit() != null) {
                unitTicks.merge(candidate.limitedUnit(), candidate.units(), CoverageModel::gcd);
            }
        }
        unitTicks.replaceAll((unit, candidateTick) -> {
            BigDecimal allowance = BigDecimal.valueOf(rules.units().get(unit).maxUnitsPerCycle());
            BigDecimal used = current.limitedUnitsUsed().getOrDefault(unit, BigDecimal.ZERO);
            return gcd(gcd(candidateTick, allowance), used);
        });

        List<BigDecimal> values = new ArrayList<>(List.of(rules.totalPoints(), extra, approvedTotal));
        values.addAll(rules.categoryMinimums().values());
        values.addAll(all.values());
        values.addAll(approved.values());
        if (approvedMinimum != null) {
            values.add(approvedMinimum);
            values.add(cap);
        }
        candidates.forEach(candidate -> values.addAll(candidate.points().values()));
        unitTicks.forEach((unit, unitTick) -> values.add(unitTick.multiply(rules.units().get(unit).pointsPerUnit())));
        BigDecimal commonTick = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            commonTick = gcd(commonTick, value);
        }
        tick = commonTick.signum() == 0 ? BigDecimal.ONE : commonTick;

        List<Integer> maxima = new ArrayList<>();
        Arrays.fill(covDim, -1);
        Arrays.fill(acovDim, -1);
        for (Category category : CATEGORIES) {
            if (rules.categoryMinimums().containsKey(category)) {
                covDim[category.ordinal()] = maxima.size();
                maxima.add(ticks(rules.minimum(category)));
            }
        }
        extraDim = extra.signum() > 0 ? addDim(maxima, ticks(extra)) : -1;
        aprDim = approvedMinimum != null ? addDim(maxima, ticks(approvedMinimum)) : -1;
        if (capCanBind) {
            for (Category category : rules.categoryMinimums().keySet()) {
                acovDim[category.ordinal()] = addDim(maxima, ticks(rules.minimum(category)));
            }
        }
        capTicks = capCanBind ? ticks(cap) : 0;
        for (Map.Entry<CreditUnit, BigDecimal> entry : unitTicks.entrySet()) {
            int allowance = unitCount(entry.getKey(), BigDecimal.valueOf(rules.units().get(entry.getKey()).maxUnitsPerCycle()));
            limitedDims.put(entry.getKey(), addDim(maxima, allowance));
        }
        dims = maxima.size();
        max = maxima.stream().mapToInt(Integer::intValue).toArray();
        radix = new long[dims];
        long product = 1;
        for (int d = 0; d < dims; d++) {
            radix[d] = product;
            try {
                product = Math.multiplyExact(product, max[d] + 1L);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("credit values are too finely divided to plan over (tick " + tick + ")", e);
            }
        }

        start = new int[dims];
        int overflow = 0;
        for (Category category : CATEGORIES) {
            int points = ticks(all.getOrDefault(category, BigDecimal.ZERO));
            int d = covDim[category.ordinal()];
            if (d >= 0) {
                start[d] = Math.min(points, max[d]);
                overflow += points - start[d];
            } else {
                overflow += points;
            }
            if (acovDim[category.ordinal()] >= 0) {
                int a = acovDim[category.ordinal()];
                start[a] = Math.min(max[a], ticks(approved.getOrDefault(category, BigDecimal.ZERO)));
            }
        }
        if (extraDim >= 0) {
            start[extraDim] = Math.min(max[extraDim], overflow);
        }
        if (aprDim >= 0) {
            start[aprDim] = Math.min(max[aprDim], ticks(approvedTotal));
        }
        limitedDims.forEach((unit, d) -> start[d] =
                Math.min(max[d], unitCount(unit, current.limitedUnitsUsed().getOrDefault(unit, BigDecimal.ZERO))));
    }

    /** Converts a candidate to ticks; {@code cost} and {@code bundle} come from the planner's fee rules. */
    Item item(RuleSet rules, int offer, EligibleCredit credit, int minutes, BigDecimal fee, long cost, String bundle) {
        int[] add = new int[CATEGORIES.length];
        credit.points().forEach((category, points) -> add[category.ordinal()] = ticks(points));
        if (credit.limitedUnit() == null) {
            return new Item(offer, add, credit.approved(), -1, 0, 0, -1, minutes, fee, cost, bundle);
        }
        UnitRule rule = rules.units().get(credit.limitedUnit());
        int perUnit = ticks(unitTicks.get(credit.limitedUnit()).multiply(rule.pointsPerUnit()));
        return new Item(offer, add, credit.approved(), limitedDims.get(credit.limitedUnit()),
                unitCount(credit.limitedUnit(), credit.units()), perUnit, rule.fixedCategory().ordinal(),
                minutes, fee, cost, bundle);
    }

    /** The state after also completing a course. */
    void apply(int[] state, Item item, int[] out) {
        System.arraycopy(state, 0, out, 0, dims);
        int[] add = item.add();
        if (item.limitedDim() >= 0) {
            int d = item.limitedDim();
            int counted = Math.min(item.units(), max[d] - out[d]);
            out[d] += counted;
            add = new int[CATEGORIES.length];
            add[item.fixedCategory()] = counted * item.perUnit();
        }
        int overflow = 0;
        int total = 0;
        for (int c = 0; c < add.length; c++) {
            int v = add[c];
            if (v == 0) {
                continue;
            }
            total += v;
            int d = covDim[c];
            if (d >= 0) {
                int reached = out[d] + v;
                if (reached > max[d]) {
                    overflow += reached - max[d];
                    reached = max[d];
                }
                out[d] = reached;
            } else {
                overflow += v;
            }
            int a = acovDim[c];
            if (item.approved() && a >= 0) {
                out[a] = Math.min(max[a], out[a] + v);
            }
        }
        if (extraDim >= 0) {
            out[extraDim] = Math.min(max[extraDim], out[extraDim] + overflow);
        }
        if (item.approved() && aprDim >= 0) {
            out[aprDim] = Math.min(max[aprDim], out[aprDim] + total);
        }
    }

    /** True when a state meets every requirement. */
    boolean goal(int[] state) {
        for (int c = 0; c < CATEGORIES.length; c++) {
            int d = covDim[c];
            if (d >= 0 && state[d] < max[d]) {
                return false;
            }
        }
        if (extraDim >= 0 && state[extraDim] < max[extraDim]) {
            return false;
        }
        if (aprDim >= 0 && state[aprDim] < max[aprDim]) {
            return false;
        }
        int deficits = 0;
        for (int a : acovDim) {
            if (a >= 0) {
                deficits += max[a] - state[a];
            }
        }
        return deficits <= capTicks;
    }

    // Needs used by the planner's bounds: one per category minimum, then the total, then the approved minimum.

    int needCount() {
        int count = 1 + (aprDim >= 0 ? 1 : 0);
        for (int d : covDim) {
            count += d >= 0 ? 1 : 0;
        }
        return count;
    }

    /** How far a state is from meeting one need, in ticks. */
    int need(int[] state, int need) {
        int index = 0;
        int total = 0;
        for (int c = 0; c < CATEGORIES.length; c++) {
            int d = covDim[c];
            if (d < 0) {
                continue;
            }
            if (index++ == need) {
                return max[d] - state[d];
            }
            total += max[d] - state[d];
        }
        if (index++ == need) {
            return total + (extraDim >= 0 ? max[extraDim] - state[extraDim] : 0);
        }
        return max[aprDim] - state[aprDim];
    }

    /** The most a course can ever add to one need, in ticks. */
    int gain(Item item, int need) {
        int index = 0;
        for (int c = 0; c < CATEGORIES.length; c++) {
            if (covDim[c] >= 0 && index++ == need) {
                return item.add()[c];
            }
        }
        int total = Arrays.stream(item.add()).sum();
        if (index++ == need) {
            return total;
        }
        return item.approved() ? total : 0;
    }

    /** The approved points of a course per category, for the cap condition (iii); zero when it cannot bind. */
    int approvedGainIfCapBinds(Item item, int category) {
        return item.approved() && acovDim[category] >= 0 ? item.add()[category] : 0;
    }

    int approvedNeedIfCapBinds(int[] state, int category) {
        int a = acovDim[category];
        return a >= 0 ? max[a] - state[a] : 0;
    }

    boolean approvalMatters() {
        return approvalMatters;
    }

    int unitsLeft(int[] state, Item item) {
        return item.limitedDim() < 0 ? Integer.MAX_VALUE : max[item.limitedDim()] - state[item.limitedDim()];
    }

    long encode(int[] state) {
        long key = 0;
        for (int d = 0; d < dims; d++) {
            key += state[d] * radix[d];
        }
        return key;
    }

    void decode(long key, int[] out) {
        for (int d = 0; d < dims; d++) {
            out[d] = (int) ((key / radix[d]) % (max[d] + 1L));
        }
    }

    private int ticks(BigDecimal points) {
        return points.divide(tick).intValueExact();
    }

    private int unitCount(CreditUnit unit, BigDecimal units) {
        return units.divide(unitTicks.get(unit)).intValueExact();
    }

    private static int addDim(List<Integer> maxima, int max) {
        maxima.add(max);
        return maxima.size() - 1;
    }

    private static BigDecimal sum(Iterable<BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            sum = sum.add(value);
        }
        return sum;
    }

    /** The largest decimal that measures both values exactly; gcd(0, x) = x. */
    static BigDecimal gcd(BigDecimal a, BigDecimal b) {
        int scale = Math.max(Math.max(a.stripTrailingZeros().scale(), b.stripTrailingZeros().scale()), 0);
        BigInteger x = a.movePointRight(scale).toBigIntegerExact().abs();
        BigInteger y = b.movePointRight(scale).toBigIntegerExact().abs();
        return Points.normalize(new BigDecimal(x.gcd(y), scale));
    }
}
