package org.recert.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recert.compliance.domain.Fixtures.CMA;
import static org.recert.compliance.domain.Fixtures.DUE;
import static org.recert.compliance.domain.Fixtures.aama;
import static org.recert.compliance.domain.Fixtures.evaluate;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recert.contracts.Category;

class StatusReasonsTest {

    @Test
    void shouldSayWhatIsMissingAndByWhenWhenAtRisk() {
        Evaluation evaluation = evaluate(CMA, List.of(aama("a", "25", Category.CLINICAL)), DUE.minusDays(30));

        assertThat(StatusReasons.of(CMA, evaluation, 180)).containsExactly(
                "35 points still to earn and the cycle is due 2027-02-28, in 30 days: within the 180-day at-risk window.",
                "Total points: 25 of 60, 35 missing.",
                "ADMINISTRATIVE points: 0 of 10, 10 missing.",
                "GENERAL points: 0 of 10, 10 missing.",
                "AAMA-approved points: 25 of 30, 5 missing.");
    }

    @Test
    void shouldSayTheExamMustBeRetakenWhenLapsed() {
        Evaluation evaluation = evaluate(CMA, List.of(), DUE.plusDays(91));

        assertThat(StatusReasons.of(CMA, evaluation, 180).get(0)).isEqualTo("Expired: the cycle was due 2027-02-28 and its 90-day "
                + "grace period ended 2027-05-29; continuing education can no longer renew it, the exam must be retaken.");
    }

    @Test
    void shouldSayNothingIsMissingWhenCompliant() {
        List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
        credits.add(aama("rest", "30", Category.GENERAL));

        assertThat(StatusReasons.of(CMA, evaluate(CMA, credits, LocalDate.parse("2025-01-01")), 180))
                .containsExactly("Every requirement of the cycle is met: apply to recertify by 2027-02-28.");
    }
}
