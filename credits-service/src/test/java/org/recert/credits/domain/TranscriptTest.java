package org.recert.credits.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;
import org.recert.contracts.CreditSource;
import org.recert.contracts.CreditStatus;

class TranscriptTest {

    @Test
    void shouldTotalByCategoryAndApprovalInIssuedUnitsAndContactHours() {
        Transcript transcript = Transcript.of("maria", null, null, Instant.now(), List.of(
                credit(CreditUnit.AAMA_CEU, Approval.AAMA, CreditStatus.ACTIVE, part(Category.CLINICAL, "2"), part(Category.GENERAL, "1")),
                credit(CreditUnit.IACET_CEU, Approval.NON_AAMA, CreditStatus.ACTIVE, part(Category.ADMINISTRATIVE, "0.5")),
                credit(CreditUnit.CPR_CARD, Approval.NON_AAMA, CreditStatus.ACTIVE, part(Category.CLINICAL, "1")),
                credit(CreditUnit.AAMA_CEU, Approval.AAMA, CreditStatus.REVOKED, part(Category.CLINICAL, "9"))));

        assertThat(transcript.credits()).hasSize(3);
        assertThat(transcript.totals().overall().contactHourEquivalent()).isEqualByComparingTo("8");
        assertThat(transcript.totals().overall().issued()).containsExactly(
                new Transcript.UnitValue(CreditUnit.AAMA_CEU, new BigDecimal("3")),
                new Transcript.UnitValue(CreditUnit.IACET_CEU, new BigDecimal("0.5")),
                new Transcript.UnitValue(CreditUnit.CPR_CARD, new BigDecimal("1")));
        Transcript.CategoryTotals clinical = transcript.totals().byCategory().get(Category.CLINICAL.ordinal());
        assertThat(clinical.contactHourEquivalent()).isEqualByComparingTo("2");
        assertThat(clinical.issued()).extracting(Transcript.UnitValue::unit).containsExactly(CreditUnit.AAMA_CEU, CreditUnit.CPR_CARD);
        Transcript.ApprovalTotals nonAama = transcript.totals().byApproval().get(Approval.NON_AAMA.ordinal());
        assertThat(nonAama.contactHourEquivalent()).isEqualByComparingTo("5");
    }

    private static Credit credit(CreditUnit unit, Approval approval, CreditStatus status, CategoryValue... parts) {
        BigDecimal amount = List.of(parts).stream().map(CategoryValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        ActivityType type = unit == CreditUnit.CPR_CARD ? ActivityType.CPR_CERTIFICATION : ActivityType.SEMINAR;
        CreditContent content = new CreditContent(type, "t", "p", null, LocalDate.of(2025, 1, 1), new Amount(amount, unit),
                List.of(parts), approval, null, null);
        return Credit.of(UUID.randomUUID(), "maria", content, CreditSource.LEARNER_REPORTED, status, 1, Instant.now(), null);
    }

    private static CategoryValue part(Category category, String value) {
        return new CategoryValue(category, new BigDecimal(value));
    }
}
