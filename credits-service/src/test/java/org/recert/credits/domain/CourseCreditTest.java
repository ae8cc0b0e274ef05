package org.recert.credits.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;

class CourseCreditTest {

    private static final LocalDate VALID_FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate VALID_TO = LocalDate.of(2025, 12, 31);

    @Test
    void shouldTakeTheCoursesCreditSplitAndApproval() {
        CreditContent content = CourseCredit.contentFor(course("PUBLISHED", null), null, null, LocalDate.of(2025, 5, 1), null);
        assertThat(content.amount()).isEqualTo(new Amount(new BigDecimal("2"), CreditUnit.AAMA_CEU));
        assertThat(content.categories()).containsExactly(new CategoryValue(Category.CLINICAL, new BigDecimal("2")));
        assertThat(content.approval()).isEqualTo(Approval.AAMA);
        assertThat(content.activityType()).isEqualTo(ActivityType.ONLINE_WORKSHOP);
        assertThat(content.title()).isEqualTo("Infection control");
        assertThat(content.providerName()).isEqualTo("AAMA e-Learning Center");
    }

    @Test
    void shouldGrantAamaApprovalOnlyInsideTheApprovalPeriod() {
        assertThat(CourseCredit.approvalOn(course("PUBLISHED", null), VALID_TO.plusDays(1))).isEqualTo(Approval.NON_AAMA);
        assertThat(CourseCredit.approvalOn(course("PUBLISHED", null), VALID_FROM.minusDays(1))).isEqualTo(Approval.NON_AAMA);
        assertThat(CourseCredit.approvalOn(course("PUBLISHED", null), VALID_TO)).isEqualTo(Approval.AAMA);
    }

    @Test
    void shouldRefuseACompletionAfterTheCourseWasRetired() {
        Course retired = course("RETIRED", LocalDate.of(2025, 6, 1));
        assertThat(CourseCredit.refusal(retired, LocalDate.of(2025, 6, 2))).get().asString().contains("retired");
        assertThat(CourseCredit.refusal(retired, LocalDate.of(2025, 6, 1))).isEmpty();
        assertThat(CourseCredit.refusal(course("PUBLISHED", null), LocalDate.of(2025, 6, 2))).isEmpty();
    }

    private static Course course(String status, LocalDate retiredOn) {
        return new Course(UUID.randomUUID(), UUID.randomUUID(), "AAMA e-Learning Center", "Infection control", "ONLINE_WORKSHOP",
                new Amount(new BigDecimal("2"), CreditUnit.AAMA_CEU), List.of(new CategoryValue(Category.CLINICAL, new BigDecimal("2"))),
                100, "AAMA", "AAMA-1", VALID_FROM, VALID_TO, status, retiredOn, 1);
    }
}
