package org.recert.credits.store;

import java.time.LocalDate;

import org.recert.credits.domain.ActivityType;
import org.recert.credits.domain.Approval;
import org.recert.credits.domain.Category;
import org.recert.credits.domain.CreditStatus;

/** Which of a learner's credits a list shows; every part optional. {@code to} is inclusive. */
public record CreditFilter(LocalDate from, LocalDate to, Category category, Approval approval, ActivityType activityType,
        CreditStatus status) {

    public static CreditFilter activeBetween(LocalDate from, LocalDate to) {
        return new CreditFilter(from, to, null, null, null, CreditStatus.ACTIVE);
    }
}
