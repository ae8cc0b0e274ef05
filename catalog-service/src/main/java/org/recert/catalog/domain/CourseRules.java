package org.recert.catalog.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.recert.platform.problem.Problem.FieldError;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Category;
import org.recert.contracts.CourseScope;

/**
 * The rules a course must keep beyond the shape of its fields (which Bean Validation checks): a split that adds
 * up, a plausible amount for the unit, an approval where the unit implies one, a fee that agrees with its model.
 * Every broken rule is reported with the field it concerns.
 */
public final class CourseRules {

    /** A contact hour is a 50-minute session. */
    static final int MINUTES_PER_CONTACT_HOUR = 50;

    private final String currency;

    /** @param currency the one currency the catalog prices in */
    public CourseRules(String currency) {
        this.currency = currency;
    }

    public List<FieldError> check(CourseDraft course) {
        List<FieldError> errors = new ArrayList<>();
        checkScope(course, errors);
        if (course.credit() != null) {
            checkCredit(course.format(), course.credit(), errors);
            checkApproval(course.credit().unit(), course.approval(), errors);
        }
        if (course.fee() != null) {
            checkFee(course.fee(), errors);
        }
        return errors;
    }

    private static void checkScope(CourseDraft course, List<FieldError> errors) {
        boolean hasSpecialty = course.specialty() != null && !course.specialty().isBlank();
        if (course.scope() == CourseScope.SPECIALTY && !hasSpecialty) {
            errors.add(new FieldError("specialty", "a SPECIALTY course names its specialty, e.g. phlebotomy"));
        } else if (course.scope() == CourseScope.GENERAL && hasSpecialty) {
            errors.add(new FieldError("specialty", "a GENERAL course has no specialty; use scope SPECIALTY"));
        }
    }

    private static void checkCredit(CourseFormat format, Credit credit, List<FieldError> errors) {
        if (credit.amount() == null || credit.unit() == null) {
            return;
        }
        if (credit.amount().compareTo(CreditLimits.maxPerCourse(credit.unit())) > 0) {
            errors.add(new FieldError("credit.amount", "at most " + CreditLimits.maxPerCourse(credit.unit()).toPlainString() + " "
                    + credit.unit() + " for one course"));
        }
        if (credit.categories() != null && credit.categories().stream().allMatch(c -> c != null && c.category() != null && c.value() != null)) {
            Set<Category> seen = EnumSet.noneOf(Category.class);
            BigDecimal sum = BigDecimal.ZERO;
            for (CategoryValue part : credit.categories()) {
                if (!seen.add(part.category())) {
                    errors.add(new FieldError("credit.categories", part.category() + " appears more than once"));
                }
                sum = sum.add(part.value());
            }
            if (sum.compareTo(credit.amount()) != 0) {
                errors.add(new FieldError("credit.categories", "the split adds up to " + sum.toPlainString()
                        + ", not the amount " + credit.amount().toPlainString()));
            }
            if (credit.unit() == CreditUnit.CPR_CARD && !seen.equals(EnumSet.of(Category.CLINICAL))) {
                errors.add(new FieldError("credit.categories", "a CPR card is CLINICAL credit"));
            }
        }
        if (credit.unit() == CreditUnit.CONTACT_HOUR && credit.contactMinutes() != null
                && BigDecimal.valueOf(credit.contactMinutes()).compareTo(credit.amount().multiply(BigDecimal.valueOf(MINUTES_PER_CONTACT_HOUR))) < 0) {
            errors.add(new FieldError("credit.contactMinutes", credit.amount().toPlainString()
                    + " contact hours need at least " + credit.amount().multiply(BigDecimal.valueOf(MINUTES_PER_CONTACT_HOUR)).stripTrailingZeros().toPlainString()
                    + " minutes (a contact hour is a 50-minute session)"));
        }
        if (format != null) {
            boolean cprFormat = format == CourseFormat.CPR_CERTIFICATION;
            boolean collegeFormat = format == CourseFormat.COLLEGE_COURSE;
            if (cprFormat != (credit.unit() == CreditUnit.CPR_CARD)) {
                errors.add(new FieldError("credit.unit", cprFormat ? "a CPR certification awards a CPR_CARD" : "only a CPR_CERTIFICATION awards a CPR_CARD"));
            }
            if (collegeFormat != (credit.unit() == CreditUnit.COLLEGE_CREDIT)) {
                errors.add(new FieldError("credit.unit", collegeFormat ? "a college course awards COLLEGE_CREDIT" : "only a COLLEGE_COURSE awards COLLEGE_CREDIT"));
            }
        }
    }

    private static void checkApproval(CreditUnit unit, Approval approval, List<FieldError> errors) {
        if (approval == null) {
            if (unit == CreditUnit.AAMA_CEU) {
                errors.add(new FieldError("approval", "AAMA CEUs come from an AAMA-approved course: give the approval and its number"));
            }
            return;
        }
        if (unit == CreditUnit.COLLEGE_CREDIT || unit == CreditUnit.CPR_CARD) {
            errors.add(new FieldError("approval", "college credit and CPR cards are non-AAMA credit; leave approval empty"));
        }
        if (approval.validFrom() != null && approval.validTo() != null && approval.validTo().isBefore(approval.validFrom())) {
            errors.add(new FieldError("approval.validTo", "must not be before validFrom"));
        }
    }

    private void checkFee(Fee fee, List<FieldError> errors) {
        if (fee.model() == null) {
            return;
        }
        boolean hasAmount = fee.amount() != null && fee.amount().signum() > 0;
        if (fee.isFree() && hasAmount) {
            errors.add(new FieldError("fee.amount", "a FREE course has no fee; use PER_COURSE or SUBSCRIPTION"));
        } else if (!fee.isFree() && !hasAmount) {
            errors.add(new FieldError("fee.amount", "a " + fee.model() + " fee needs an amount greater than 0; use FREE for free courses"));
        }
        if (fee.currency() != null && !fee.currency().equals(currency)) {
            errors.add(new FieldError("fee.currency", "the catalog prices in " + currency));
        }
    }
}
