package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.recert.contracts.Category;

/**
 * Chooses which non-approved points count when there are more of them than the cap allows.
 *
 * <p>Method, for the learner's best outcome: every non-approved point that counts adds one point to the total
 * whatever its category, so the total is as high as it can be whenever the whole cap is used. What the choice can
 * change is the category minimums. So the cap goes first to category deficits (minimum less approved points in
 * that category): deficits that the category's non-approved points can close completely come first, smallest
 * deficit first, then the deficits that can only be narrowed. Filling deficits before anything else minimises
 * the summed category shortfall (each point spent there removes one point of shortfall, and no other use does);
 * closing the smallest closable deficits first maximises the number of minimums met when the cap cannot close
 * them all. What is left of the cap then goes to the remaining points in credit order. Within a category, shares
 * are taken in credit order (completion date, then credit id), which makes the choice deterministic.
 */
final class NonApprovedAllocation {

    /** A category share of a non-approved credit, in credit order. */
    record Share(String creditId, Category category, BigDecimal points) {
    }

    private NonApprovedAllocation() {
    }

    /** Points that count for each share, in the order of {@code shares}. */
    static BigDecimal[] allocate(Map<Category, BigDecimal> approvedByCategory, List<Share> shares,
            Map<Category, BigDecimal> minimums, BigDecimal cap) {
        BigDecimal[] counted = new BigDecimal[shares.size()];
        java.util.Arrays.fill(counted, BigDecimal.ZERO);
        Map<Category, BigDecimal> available = new EnumMap<>(Category.class);
        for (Share share : shares) {
            available.merge(share.category(), share.points(), BigDecimal::add);
        }
        List<Category> closable = new ArrayList<>();
        List<Category> narrowable = new ArrayList<>();
        Map<Category, BigDecimal> deficits = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            BigDecimal deficit = minimums.getOrDefault(category, BigDecimal.ZERO)
                    .subtract(approvedByCategory.getOrDefault(category, BigDecimal.ZERO));
            if (deficit.signum() <= 0) {
                continue;
            }
            deficits.put(category, deficit);
            boolean canClose = available.getOrDefault(category, BigDecimal.ZERO).compareTo(deficit) >= 0;
            (canClose ? closable : narrowable).add(category);
        }
        closable.sort(Comparator.comparing(deficits::get));
        BigDecimal capLeft = cap;
        List<Category> order = new ArrayList<>(closable);
        order.addAll(narrowable);
        for (Category category : order) {
            BigDecimal wanted = Points.min(deficits.get(category), capLeft);
            capLeft = capLeft.subtract(wanted.subtract(take(shares, counted, category, wanted)));
        }
        take(shares, counted, null, capLeft);
        return counted;
    }

    /** Counts up to {@code wanted} more points from shares of a category (any category when null); returns what is left. */
    private static BigDecimal take(List<Share> shares, BigDecimal[] counted, Category category, BigDecimal wanted) {
        BigDecimal left = wanted;
        for (int i = 0; i < shares.size() && left.signum() > 0; i++) {
            Share share = shares.get(i);
            if (category != null && share.category() != category) {
                continue;
            }
            BigDecimal more = Points.min(share.points().subtract(counted[i]), left);
            counted[i] = counted[i].add(more);
            left = left.subtract(more);
        }
        return left;
    }
}
