package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;
import org.recert.contracts.Verification;

/**
 * What the compliance projection knows of one credit (its latest version), in the unit it was issued in.
 *
 * @param categories     shares in the issued unit, adding up to {@code amount}
 * @param contactMinutes length of the activity; null when the issuer did not say
 * @param verification   who vouches for it; null for a course not yet taken (a plan's)
 */
public record CreditFact(
        String creditId,
        ActivityType activityType,
        LocalDate completedOn,
        BigDecimal amount,
        CreditUnit unit,
        List<CategoryShare> categories,
        Approval approval,
        Integer contactMinutes,
        boolean revoked,
        Verification verification) {

    public CreditFact(String creditId, ActivityType activityType, LocalDate completedOn, BigDecimal amount, CreditUnit unit,
            List<CategoryShare> categories, Approval approval, Integer contactMinutes, boolean revoked) {
        this(creditId, activityType, completedOn, amount, unit, categories, approval, contactMinutes, revoked, null);
    }

    public CreditFact {
        Objects.requireNonNull(creditId, "creditId");
        if (creditId.isBlank()) {
            throw new IllegalArgumentException("creditId must not be blank");
        }
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(completedOn, "completedOn");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(approval, "approval");
        if (Points.isNegative(amount)) {
            throw new IllegalArgumentException("credit " + creditId + " has a negative amount");
        }
        if (contactMinutes != null && contactMinutes < 0) {
            throw new IllegalArgumentException("credit " + creditId + " has negative contact minutes");
        }
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        CategoryShare.requireSumsTo(amount, categories, "credit " + creditId);
    }

    /** The same credit, revoked. */
    public CreditFact revoke() {
        return new CreditFact(creditId, activityType, completedOn, amount, unit, categories, approval, contactMinutes, true, verification);
    }
}
