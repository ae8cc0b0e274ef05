package org.recert.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recert.catalog.domain.Drafts.bd;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recert.platform.problem.Problem.FieldError;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.FeeModel;
import org.recert.contracts.Category;
import org.recert.contracts.CourseScope;
import org.recert.contracts.ApprovalBody;

class CourseRulesTest {

    private final CourseRules rules = new CourseRules("USD");

    @Test
    void shouldAcceptACompleteCourse() {
        assertThat(rules.check(Drafts.complete())).isEmpty();
    }

    @Test
    void shouldRejectASplitThatDoesNotAddUpToTheAmount() {
        CourseDraft draft = Drafts.withCredit(Drafts.complete(), CourseFormat.ONLINE_WORKSHOP,
                Drafts.credit("2", CreditUnit.AAMA_CEU, 120, new CategoryValue(Category.CLINICAL, bd("1.5"))), Drafts.complete().approval());

        assertThat(fields(rules.check(draft))).containsExactly("credit.categories");
    }

    @Test
    void shouldRejectACategoryListedTwice() {
        CourseDraft draft = Drafts.withCredit(Drafts.complete(), CourseFormat.ONLINE_WORKSHOP, Drafts.credit("2", CreditUnit.AAMA_CEU, 120,
                new CategoryValue(Category.CLINICAL, bd("1")), new CategoryValue(Category.CLINICAL, bd("1"))), Drafts.complete().approval());

        assertThat(rules.check(draft)).extracting(FieldError::message).containsExactly("CLINICAL appears more than once");
    }

    @Test
    void shouldRejectAnAbsurdAmountForTheUnit() {
        CourseDraft draft = Drafts.withCredit(Drafts.complete(), CourseFormat.ONLINE_WORKSHOP,
                Drafts.credit("250", CreditUnit.AAMA_CEU, 15000, new CategoryValue(Category.CLINICAL, bd("250"))), Drafts.complete().approval());

        assertThat(fields(rules.check(draft))).containsExactly("credit.amount");
    }

    @Test
    void shouldRejectContactHoursLongerThanTheirMinutes() {
        CourseDraft draft = Drafts.withCredit(Drafts.complete(), CourseFormat.SEMINAR,
                Drafts.credit("3", CreditUnit.CONTACT_HOUR, 120, new CategoryValue(Category.GENERAL, bd("3"))), null);

        assertThat(fields(rules.check(draft))).containsExactly("credit.contactMinutes");
    }

    @Test
    void shouldRequireTheApprovalOfAnAamaCeu() {
        CourseDraft draft = Drafts.withCredit(Drafts.complete(), CourseFormat.ONLINE_WORKSHOP, Drafts.complete().credit(), null);

        assertThat(fields(rules.check(draft))).containsExactly("approval");
    }

    @Test
    void shouldRejectAnApprovalThatEndsBeforeItStarts() {
        Approval backwards = new Approval(ApprovalBody.AAMA, "AAMA-1", LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1));
        CourseDraft draft = Drafts.withCredit(Drafts.complete(), CourseFormat.ONLINE_WORKSHOP, Drafts.complete().credit(), backwards);

        assertThat(fields(rules.check(draft))).containsExactly("approval.validTo");
    }

    @Test
    void shouldKeepCprCardsToCprCertificationsAsOneClinicalCard() {
        CourseDraft cpr = Drafts.withCredit(Drafts.complete(), CourseFormat.CPR_CERTIFICATION,
                Drafts.credit("1", CreditUnit.CPR_CARD, 240, new CategoryValue(Category.CLINICAL, bd("1"))), null);
        CourseDraft generalCard = Drafts.withCredit(Drafts.complete(), CourseFormat.CPR_CERTIFICATION,
                Drafts.credit("1", CreditUnit.CPR_CARD, 240, new CategoryValue(Category.GENERAL, bd("1"))), null);
        CourseDraft cardFromAWorkshop = Drafts.withCredit(Drafts.complete(), CourseFormat.ONLINE_WORKSHOP,
                Drafts.credit("1", CreditUnit.CPR_CARD, 240, new CategoryValue(Category.CLINICAL, bd("1"))), null);

        assertThat(rules.check(cpr)).isEmpty();
        assertThat(fields(rules.check(generalCard))).containsExactly("credit.categories");
        assertThat(fields(rules.check(cardFromAWorkshop))).containsExactly("credit.unit");
    }

    @Test
    void shouldRejectAnAamaApprovalOnCollegeCredit() {
        CourseDraft college = Drafts.withCredit(Drafts.complete(), CourseFormat.COLLEGE_COURSE,
                Drafts.credit("3", CreditUnit.COLLEGE_CREDIT, 2250, new CategoryValue(Category.ADMINISTRATIVE, bd("3"))), Drafts.complete().approval());

        assertThat(fields(rules.check(college))).containsExactly("approval");
    }

    @Test
    void shouldRejectAFeeOnAFreeCourseAndAPaidCourseWithoutOne() {
        assertThat(fields(rules.check(Drafts.withFee(Drafts.complete(), new Fee(FeeModel.FREE, bd("10"), "USD"))))).containsExactly("fee.amount");
        assertThat(fields(rules.check(Drafts.withFee(Drafts.complete(), new Fee(FeeModel.PER_COURSE, null, "USD"))))).containsExactly("fee.amount");
        assertThat(rules.check(Drafts.withFee(Drafts.complete(), new Fee(FeeModel.FREE, bd("0"), null)))).isEmpty();
    }

    @Test
    void shouldRejectAnotherCurrency() {
        assertThat(fields(rules.check(Drafts.withFee(Drafts.complete(), new Fee(FeeModel.PER_COURSE, bd("25"), "EUR"))))).containsExactly("fee.currency");
    }

    @Test
    void shouldRequireASpecialtyForSpecialtyScopeOnly() {
        assertThat(fields(rules.check(Drafts.withScope(Drafts.complete(), CourseScope.SPECIALTY, " ")))).containsExactly("specialty");
        assertThat(fields(rules.check(Drafts.withScope(Drafts.complete(), CourseScope.GENERAL, "phlebotomy")))).containsExactly("specialty");
        assertThat(rules.check(Drafts.withScope(Drafts.complete(), CourseScope.SPECIALTY, "phlebotomy"))).isEmpty();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).distinct().toList();
    }
}
