package org.recert.credits.domain;

import java.time.LocalDate;

import org.recert.contracts.ActivityType;
import org.recert.contracts.Approval;
import org.recert.contracts.Category;
import org.recert.contracts.CreditStatus;

/** Which of a learner's credits a list shows; every part optional. {@code to} is inclusive. */
public record CreditFilter(LocalDate from, LocalDate to, Category category, Approval approval, ActivityType activityType,
        CreditStatus status) {

    public static CreditFilter activeBetween(LocalDate from, LocalDate to) {
        return new CreditFilter(from, to, null, null, null, CreditStatus.ACTIVE);
    }
}
