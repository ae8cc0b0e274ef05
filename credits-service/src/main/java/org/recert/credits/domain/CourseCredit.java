package org.recert.credits.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;

/**
 * What a completion of a catalog course earns: the course's credit, split and contact minutes; AAMA approval
 * only when the completion falls inside the course's AAMA approval period.
 */
public final class CourseCredit {

    private CourseCredit() {
    }

    /** Why a completion on {@code completedOn} cannot earn credit for {@code course}, if it cannot. */
    public static Optional<String> refusal(Course course, LocalDate completedOn) {
        if (course.isRetired() && (course.retiredOn() == null || completedOn == null || course.retiredOn().isBefore(completedOn))) {
            return Optional.of("course " + course.id() + " was retired"
                    + (course.retiredOn() == null ? "" : " on " + course.retiredOn()) + ", before the completion date");
        }
        return Optional.empty();
    }

    public static Approval approvalOn(Course course, LocalDate completedOn) {
        if (!"AAMA".equals(course.approvalBody()) || completedOn == null) {
            return Approval.NON_AAMA;
        }
        boolean started = course.approvalValidFrom() == null || !completedOn.isBefore(course.approvalValidFrom());
        boolean notEnded = course.approvalValidTo() == null || !completedOn.isAfter(course.approvalValidTo());
        return started && notEnded ? Approval.AAMA : Approval.NON_AAMA;
    }

    /** The content of a credit for completing {@code course}; title and activity type default to the course's. */
    public static CreditContent contentFor(Course course, ActivityType activityType, String title, LocalDate completedOn,
            Evidence evidence) {
        return new CreditContent(
                activityType != null ? activityType : ActivityType.valueOf(course.format()),
                title != null && !title.isBlank() ? title : course.title(),
                course.providerName(),
                course.id(),
                completedOn,
                course.amount(),
                course.categories(),
                approvalOn(course, completedOn),
                course.contactMinutes(),
                evidence);
    }
}
