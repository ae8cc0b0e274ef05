package org.recert.credits.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recert.platform.problem.Problem.FieldError;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;

class CreditRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @Test
    void shouldAcceptAWellFormedAamaCredit() {
        assertThat(CreditRules.check(credit("2", CreditUnit.AAMA_CEU, 120, part(Category.CLINICAL, "2")), TODAY)).isEmpty();
    }

    @Test
    void shouldRejectCreditWithZeroOrNegativeAmount() {
        assertThat(fields(credit("0", CreditUnit.AAMA_CEU, null, part(Category.CLINICAL, "0")))).contains("amount.value");
        assertThat(fields(credit("-1", CreditUnit.AAMA_CEU, null, part(Category.CLINICAL, "1")))).contains("amount.value");
    }

    @Test
    void shouldRejectACompletionDateInTheFuture() {
        CreditContent tomorrow = new CreditContent(ActivityType.SEMINAR, "t", null, null, TODAY.plusDays(1),
                amount("1", CreditUnit.AAMA_CEU), List.of(part(Category.GENERAL, "1")), Approval.AAMA, null, null);
        assertThat(fields(tomorrow)).containsExactly("completedOn");
    }

    @Test
    void shouldRejectASplitThatDoesNotAddUpToTheAmount() {
        List<FieldError> errors = CreditRules.check(credit("3", CreditUnit.AAMA_CEU, null,
                part(Category.CLINICAL, "2"), part(Category.GENERAL, "0.5")), TODAY);
        assertThat(errors).extracting(FieldError::field).containsExactly("categories");
        assertThat(errors.get(0).message()).contains("2.5").contains("3");
    }

    @Test
    void shouldAcceptASplitThatAddsUpWhateverTheScale() {
        assertThat(CreditRules.check(credit("2.50", CreditUnit.CONTACT_HOUR, null,
                part(Category.CLINICAL, "2"), part(Category.GENERAL, "0.5")), TODAY)).isEmpty();
    }

    @Test
    void shouldRejectTheSameCategoryTwice() {
        assertThat(fields(credit("2", CreditUnit.AAMA_CEU, null, part(Category.CLINICAL, "1"), part(Category.CLINICAL, "1"))))
                .containsExactly("categories[1].category");
    }

    @Test
    void shouldRejectContactMinutesBelowFiftyPerContactHour() {
        List<FieldError> errors = CreditRules.check(credit("2", CreditUnit.AAMA_CEU, 90, part(Category.CLINICAL, "2")), TODAY);
        assertThat(errors).extracting(FieldError::field).containsExactly("contactMinutes");
        assertThat(errors.get(0).message()).contains("100");
        assertThat(CreditRules.check(credit("2", CreditUnit.CONTACT_HOUR, 100, part(Category.CLINICAL, "2")), TODAY)).isEmpty();
    }

    @Test
    void shouldCountTenContactHoursPerIacetCeu() {
        assertThat(fields(credit("0.5", CreditUnit.IACET_CEU, 240, part(Category.GENERAL, "0.5")))).containsExactly("contactMinutes");
        assertThat(CreditRules.check(credit("0.5", CreditUnit.IACET_CEU, 250, part(Category.GENERAL, "0.5")), TODAY)).isEmpty();
    }

    @Test
    void shouldNotApplyATimeRuleToCprCards() {
        CreditContent card = new CreditContent(ActivityType.CPR_CERTIFICATION, "BLS", null, null, TODAY, amount("1", CreditUnit.CPR_CARD),
                List.of(part(Category.CLINICAL, "1")), Approval.NON_AAMA, 10, null);
        assertThat(CreditRules.check(card, TODAY)).isEmpty();
    }

    @Test
    void shouldRejectAFractionOfACprCardAndACardForAnotherActivity() {
        CreditContent half = new CreditContent(ActivityType.CPR_CERTIFICATION, "BLS", null, null, TODAY, amount("0.5", CreditUnit.CPR_CARD),
                List.of(part(Category.CLINICAL, "0.5")), Approval.NON_AAMA, null, null);
        assertThat(fields(half)).containsExactly("amount.value");
        CreditContent seminarCard = new CreditContent(ActivityType.SEMINAR, "BLS", null, null, TODAY, amount("1", CreditUnit.CPR_CARD),
                List.of(part(Category.CLINICAL, "1")), Approval.NON_AAMA, null, null);
        assertThat(fields(seminarCard)).containsExactly("amount.unit");
    }

    @Test
    void shouldNameEveryMissingField() {
        CreditContent empty = new CreditContent(null, " ", null, null, null, null, null, null, null, null);
        assertThat(fields(empty)).contains("activityType", "title", "completedOn", "amount", "approval");
    }

    private static List<String> fields(CreditContent content) {
        return CreditRules.check(content, TODAY).stream().map(FieldError::field).toList();
    }

    private static CreditContent credit(String value, CreditUnit unit, Integer minutes, CategoryValue... parts) {
        return new CreditContent(ActivityType.ONLINE_WORKSHOP, "Infection control", "Provider", null, TODAY.minusDays(10),
                amount(value, unit), List.of(parts), Approval.AAMA, minutes, null);
    }

    private static Amount amount(String value, CreditUnit unit) {
        return new Amount(new BigDecimal(value), unit);
    }

    private static CategoryValue part(Category category, String value) {
        return new CategoryValue(category, new BigDecimal(value));
    }
}
