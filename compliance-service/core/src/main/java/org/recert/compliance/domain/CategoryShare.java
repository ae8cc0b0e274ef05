package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.recert.contracts.Category;

/** The part of a credit, in its issued unit, that falls into one category. */
public record CategoryShare(Category category, BigDecimal value) {

    public CategoryShare {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(value, "value");
        if (Points.isNegative(value)) {
            throw new IllegalArgumentException("a category share cannot be negative: " + value);
        }
    }

    public static CategoryShare of(Category category, String value) {
        return new CategoryShare(category, new BigDecimal(value));
    }

    /**
     * Splits an amount across categories in proportion to the time spent on each, as the seed asks for
     * courses that span categories. Shares are rounded to four decimals and the last category takes the
     * rounding remainder, so the shares always add up to the amount exactly.
     */
    public static List<CategoryShare> splitByTime(BigDecimal amount, Map<Category, Integer> minutesByCategory) {
        Objects.requireNonNull(amount, "amount");
        int totalMinutes = minutesByCategory.values().stream().mapToInt(Integer::intValue).sum();
        if (totalMinutes <= 0 || minutesByCategory.values().stream().anyMatch(m -> m < 0)) {
            throw new IllegalArgumentException("minutes by category must be non-negative with a positive total");
        }
        List<Category> categories = new ArrayList<>();
        for (Category category : EnumSet.allOf(Category.class)) {
            if (minutesByCategory.getOrDefault(category, 0) > 0) {
                categories.add(category);
            }
        }
        List<CategoryShare> shares = new ArrayList<>();
        BigDecimal assigned = BigDecimal.ZERO;
        for (int i = 0; i < categories.size(); i++) {
            Category category = categories.get(i);
            BigDecimal value = i == categories.size() - 1
                    ? amount.subtract(assigned)
                    : amount.multiply(BigDecimal.valueOf(minutesByCategory.get(category)))
                            .divide(BigDecimal.valueOf(totalMinutes), 4, RoundingMode.HALF_EVEN);
            assigned = assigned.add(value);
            shares.add(new CategoryShare(category, Points.normalize(value)));
        }
        return List.copyOf(shares);
    }

    static void requireSumsTo(BigDecimal amount, List<CategoryShare> shares, String what) {
        BigDecimal sum = BigDecimal.ZERO;
        EnumSet<Category> seen = EnumSet.noneOf(Category.class);
        for (CategoryShare share : shares) {
            Objects.requireNonNull(share, "category share");
            if (!seen.add(share.category())) {
                throw new IllegalArgumentException(what + " lists category " + share.category() + " twice");
            }
            sum = sum.add(share.value());
        }
        if (sum.compareTo(amount) != 0) {
            throw new IllegalArgumentException(
                    what + " category shares add up to " + sum.toPlainString() + ", not to its amount " + amount.toPlainString());
        }
    }
}
