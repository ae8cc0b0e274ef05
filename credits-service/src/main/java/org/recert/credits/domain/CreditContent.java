package org.recert.credits.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.recert.contracts.Category;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;

/** What one version of a credit says: everything a correction may change. */
public record CreditContent(
        ActivityType activityType,
        String title,
        String providerName,
        UUID courseId,
        LocalDate completedOn,
        Amount amount,
        List<CategoryValue> categories,
        Approval approval,
        Integer contactMinutes,
        Evidence evidence) {

    public CreditContent {
        categories = categories == null ? null : List.copyOf(categories);
        evidence = evidence == null || evidence.isEmpty() ? null : evidence;
        title = trimmed(title);
        providerName = trimmed(providerName);
    }

    /** The value in {@code category}, zero when the credit has none there. */
    public BigDecimal valueIn(Category category) {
        if (categories == null) {
            return BigDecimal.ZERO;
        }
        return categories.stream().filter(c -> c.category() == category).map(CategoryValue::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String trimmed(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        return value.isEmpty() ? null : value;
    }
}
