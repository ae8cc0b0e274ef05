package org.recert.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recert.compliance.domain.Fixtures.CERTIFIED;
import static org.recert.compliance.domain.Fixtures.CMA;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;
import org.recert.contracts.ComplianceStatus;

/** Properties of the evaluation that must hold for any credits, not only the worked examples. */
class EvaluatorPropertiesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @Property(tries = 300)
    void addingACreditNeverLowersTotalOrApprovedPointsNorRaisesTheCategoryShortfall(
            @ForAll("credits") List<CreditFact> credits, @ForAll("credit") CreditFact extra) {
        Evaluation before = Evaluator.evaluate(CMA, CERTIFIED, credits, AS_OF);
        List<CreditFact> more = new ArrayList<>(credits);
        more.add(withId(extra, "extra"));
        Evaluation after = Evaluator.evaluate(CMA, CERTIFIED, more, AS_OF);

        assertThat(earned(after, RequirementCode.TOTAL)).isGreaterThanOrEqualTo(earned(before, RequirementCode.TOTAL));
        assertThat(earned(after, RequirementCode.AAMA_APPROVED)).isGreaterThanOrEqualTo(earned(before, RequirementCode.AAMA_APPROVED));
        assertThat(categoryShortfall(after)).isLessThanOrEqualTo(categoryShortfall(before));
        if (before.requirementsMet()) {
            assertThat(after.requirementsMet()).isTrue();
            assertThat(after.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        }
    }

    @Property(tries = 300)
    void countedPointsAddUpToTheTotalAndNonAamaPointsNeverExceedTheCap(@ForAll("credits") List<CreditFact> credits) {
        Evaluation evaluation = Evaluator.evaluate(CMA, CERTIFIED, credits, AS_OF);

        BigDecimal counted = evaluation.counted().stream().map(CountedCredit::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal nonApproved = evaluation.counted().stream().filter(c -> !c.approved()).map(CountedCredit::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(counted).isEqualByComparingTo(earned(evaluation, RequirementCode.TOTAL));
        assertThat(nonApproved).isLessThanOrEqualTo(new BigDecimal("30"));
        assertThat(evaluation.counted()).allSatisfy(c -> assertThat(c.points().signum()).isPositive());
    }

    @Property(tries = 200)
    void everyCreditEitherCountsOrSaysWhyNot(@ForAll("credits") List<CreditFact> credits) {
        Evaluation evaluation = Evaluator.evaluate(CMA, CERTIFIED, credits, AS_OF);

        for (CreditFact credit : credits) {
            boolean counted = evaluation.counted().stream().anyMatch(c -> c.creditId().equals(credit.creditId()));
            boolean explained = evaluation.excluded().stream().anyMatch(e -> e.creditId().equals(credit.creditId())
                    && !e.reason().isBlank());
            assertThat(counted || explained).as(credit.creditId()).isTrue();
        }
    }

    @Property(tries = 200)
    void theOrderOfTheCreditsDoesNotChangeTheEvaluation(@ForAll("credits") List<CreditFact> credits, @ForAll long seed) {
        List<CreditFact> shuffled = new ArrayList<>(credits);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(Evaluator.evaluate(CMA, CERTIFIED, shuffled, AS_OF))
                .isEqualTo(Evaluator.evaluate(CMA, CERTIFIED, credits, AS_OF));
    }

    @Provide
    Arbitrary<List<CreditFact>> credits() {
        return credit().list().ofMaxSize(14).map(list -> {
            List<CreditFact> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                named.add(withId(list.get(i), "c" + i));
            }
            return named;
        });
    }

    @Provide
    Arbitrary<CreditFact> credit() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 6);
        Arbitrary<Integer> halves = Arbitraries.integers().between(1, 40);
        Arbitrary<Category> category = Arbitraries.of(Category.class);
        Arbitrary<Integer> day = Arbitraries.integers().between(-30, 1700);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(20, 400);
        return Combinators.combine(kind, halves, category, day, minutes).as(EvaluatorPropertiesTest::credit);
    }

    private static CreditFact credit(int kind, int halves, Category category, int day, int minutes) {
        BigDecimal amount = BigDecimal.valueOf(halves, 1).multiply(BigDecimal.valueOf(5));
        LocalDate completed = CERTIFIED.plusDays(day);
        return switch (kind) {
            case 0, 1 -> new CreditFact("x", ActivityType.ONLINE_WORKSHOP, completed, amount, CreditUnit.AAMA_CEU,
                    List.of(new CategoryShare(category, amount)), Approval.AAMA, minutes, false);
            case 2 -> new CreditFact("x", ActivityType.SEMINAR, completed, amount, CreditUnit.CONTACT_HOUR,
                    List.of(new CategoryShare(category, amount)), Approval.NON_AAMA, minutes, false);
            case 3 -> new CreditFact("x", ActivityType.CPR_CERTIFICATION, completed, BigDecimal.ONE, CreditUnit.CPR_CARD,
                    List.of(new CategoryShare(Category.CLINICAL, BigDecimal.ONE)), Approval.NON_AAMA, 240, false);
            case 4 -> new CreditFact("x", ActivityType.COLLEGE_COURSE, completed, BigDecimal.ONE, CreditUnit.COLLEGE_CREDIT,
                    List.of(new CategoryShare(category, BigDecimal.ONE)), Approval.NON_AAMA, 750, false);
            case 5 -> new CreditFact("x", ActivityType.CONTINUED_EMPLOYMENT, completed, amount, CreditUnit.CONTACT_HOUR,
                    List.of(new CategoryShare(category, amount)), Approval.NON_AAMA, minutes, false);
            default -> new CreditFact("x", ActivityType.CONFERENCE, completed, amount, CreditUnit.CME_CREDIT,
                    List.of(new CategoryShare(category, amount)), Approval.NON_AAMA, minutes, halves % 5 == 0);
        };
    }

    private static CreditFact withId(CreditFact credit, String id) {
        return new CreditFact(id, credit.activityType(), credit.completedOn(), credit.amount(), credit.unit(), credit.categories(),
                credit.approval(), credit.contactMinutes(), credit.revoked());
    }

    private static BigDecimal earned(Evaluation evaluation, RequirementCode code) {
        return evaluation.requirement(code).orElseThrow().earned();
    }

    private static BigDecimal categoryShortfall(Evaluation evaluation) {
        return evaluation.requirements().stream()
                .filter(r -> r.code() != RequirementCode.TOTAL && r.code() != RequirementCode.AAMA_APPROVED)
                .map(Requirement::shortfall).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
