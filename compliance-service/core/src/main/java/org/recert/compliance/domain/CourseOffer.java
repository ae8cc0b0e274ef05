package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;
import org.recert.contracts.FeeModel;

/**
 * A catalog course as the planner sees it.
 *
 * @param fee             0 for free courses; for {@link FeeModel#SUBSCRIPTION} the provider's subscription price
 * @param categories      shares in the issued unit, adding up to {@code amount}
 * @param approvalValidTo last day the course's approval holds; null when it does not expire
 */
public record CourseOffer(
        String courseId,
        String title,
        String providerId,
        ActivityType activityType,
        BigDecimal fee,
        FeeModel feeModel,
        BigDecimal amount,
        CreditUnit unit,
        List<CategoryShare> categories,
        Approval approval,
        int contactMinutes,
        boolean retired,
        LocalDate approvalValidTo) {

    /** Prefix of the credit ids the planner gives to courses it proposes. */
    public static final String PLANNED_CREDIT_PREFIX = "planned:";

    public CourseOffer {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(feeModel, "feeModel");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(approval, "approval");
        if (Points.isNegative(fee) || Points.isNegative(amount) || contactMinutes < 0) {
            throw new IllegalArgumentException("course " + courseId + " has a negative fee, amount or length");
        }
        if (feeModel == FeeModel.FREE && fee.signum() != 0) {
            throw new IllegalArgumentException("free course " + courseId + " has a fee");
        }
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        CategoryShare.requireSumsTo(amount, categories, "course " + courseId);
    }

    /** The approval the course carries on a day: an expired approval no longer makes it AAMA-approved. */
    public Approval approvalOn(LocalDate day) {
        boolean expired = approvalValidTo != null && day.isAfter(approvalValidTo);
        return expired ? Approval.NON_AAMA : approval;
    }

    /** The credit a learner would hold after completing this course on a day. */
    public CreditFact toCreditFact(LocalDate completedOn) {
        return new CreditFact(PLANNED_CREDIT_PREFIX + courseId, activityType, completedOn, amount, unit, categories,
                approvalOn(completedOn), contactMinutes, false);
    }
}
