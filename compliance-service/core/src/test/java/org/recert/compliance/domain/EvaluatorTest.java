package org.recert.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recert.compliance.domain.Fixtures.CERTIFIED;
import static org.recert.compliance.domain.Fixtures.CMA;
import static org.recert.compliance.domain.Fixtures.DUE;
import static org.recert.compliance.domain.Fixtures.GRACE_END;
import static org.recert.compliance.domain.Fixtures.MID_CYCLE;
import static org.recert.compliance.domain.Fixtures.aama;
import static org.recert.compliance.domain.Fixtures.contactHours;
import static org.recert.compliance.domain.Fixtures.cprCard;
import static org.recert.compliance.domain.Fixtures.evaluate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;
import org.recert.contracts.ComplianceStatus;

/** Worked examples of every CMA (AAMA) rule of DESIGN.md, and the other credentials' numbers. */
class EvaluatorTest {

    private static final LocalDate AFTER_MID = LocalDate.parse("2025-01-10");

    private static Requirement requirement(Evaluation evaluation, RequirementCode code) {
        return evaluation.requirement(code).orElseThrow();
    }

    private static List<ExcludedCredit> excluded(Evaluation evaluation, String creditId) {
        return evaluation.excluded().stream().filter(e -> e.creditId().equals(creditId)).toList();
    }

    private static BigDecimal counted(Evaluation evaluation, String creditId) {
        return evaluation.counted().stream().filter(c -> c.creditId().equals(creditId)).map(CountedCredit::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static CreditFact credit(String id, ActivityType type, String amount, CreditUnit unit, Category category,
            Approval approval, Integer minutes) {
        return new CreditFact(id, type, MID_CYCLE, new BigDecimal(amount), unit,
                List.of(new CategoryShare(category, new BigDecimal(amount))), approval, minutes, false);
    }

    @Nested
    class Totals {

        @Test
        void shouldBeCompliantWithExactlySixtyPointsMeetingEveryMinimum() {
            List<CreditFact> credits = List.of(aama("a", "20", Category.ADMINISTRATIVE), aama("c", "20", Category.CLINICAL),
                    aama("g", "20", Category.GENERAL));

            Evaluation evaluation = evaluate(CMA, credits, AFTER_MID);

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
            assertThat(requirement(evaluation, RequirementCode.TOTAL).earned()).isEqualByComparingTo("60");
            assertThat(requirement(evaluation, RequirementCode.TOTAL).shortfall()).isEqualByComparingTo("0");
            assertThat(evaluation.requirementsMet()).isTrue();
        }

        @Test
        void shouldFallShortByHalfAPointWithFiftyNineAndAHalfPoints() {
            List<CreditFact> credits = List.of(aama("a", "20", Category.ADMINISTRATIVE), aama("c", "20", Category.CLINICAL),
                    aama("g", "19.5", Category.GENERAL));

            Evaluation evaluation = evaluate(CMA, credits, AFTER_MID);

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.ON_TRACK);
            assertThat(requirement(evaluation, RequirementCode.TOTAL).shortfall()).isEqualByComparingTo("0.5");
            assertThat(requirement(evaluation, RequirementCode.TOTAL).shortfall().toPlainString()).isEqualTo("0.5");
        }

        @Test
        void shouldNotCountMoreThanSixtyAsMissingAnything() {
            List<CreditFact> credits = List.of(aama("a", "30", Category.ADMINISTRATIVE), aama("c", "30", Category.CLINICAL),
                    aama("g", "30", Category.GENERAL));

            Evaluation evaluation = evaluate(CMA, credits, AFTER_MID);

            assertThat(requirement(evaluation, RequirementCode.TOTAL).earned()).isEqualByComparingTo("90");
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        }

        @Test
        void shouldListEveryRequirementOfTheCmaInOrder() {
            Evaluation evaluation = evaluate(CMA, List.of(), AFTER_MID);

            assertThat(evaluation.requirements()).extracting(Requirement::code).containsExactly(RequirementCode.TOTAL,
                    RequirementCode.ADMINISTRATIVE, RequirementCode.CLINICAL, RequirementCode.GENERAL,
                    RequirementCode.AAMA_APPROVED);
            assertThat(evaluation.requirements()).extracting(Requirement::shortfall).map(BigDecimal::toPlainString)
                    .containsExactly("60", "10", "10", "10", "30");
        }
    }

    @Nested
    class CategoryMinimums {

        @Test
        void shouldRequireTenPointsInEachCategoryEvenWithSixtyInTotal() {
            Evaluation evaluation = evaluate(CMA, List.of(aama("g", "50", Category.GENERAL), aama("c", "10", Category.CLINICAL)),
                    AFTER_MID);

            assertThat(requirement(evaluation, RequirementCode.TOTAL).met()).isTrue();
            assertThat(requirement(evaluation, RequirementCode.ADMINISTRATIVE).shortfall()).isEqualByComparingTo("10");
            assertThat(requirement(evaluation, RequirementCode.CLINICAL).met()).isTrue();
            assertThat(evaluation.status()).isNotEqualTo(ComplianceStatus.COMPLIANT);
        }

        @Test
        void shouldLetTheOtherThirtyComeFromAnyCategory() {
            List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
            credits.add(aama("more-clinical", "30", Category.CLINICAL));

            assertThat(evaluate(CMA, credits, AFTER_MID).status()).isEqualTo(ComplianceStatus.COMPLIANT);
        }

        @Test
        void shouldSplitACourseThatSpansCategoriesByTime() {
            List<CategoryShare> shares = CategoryShare.splitByTime(new BigDecimal("3"),
                    Map.of(Category.ADMINISTRATIVE, 50, Category.CLINICAL, 100));

            assertThat(shares).containsExactly(CategoryShare.of(Category.ADMINISTRATIVE, "1"), CategoryShare.of(Category.CLINICAL, "2"));
        }

        @Test
        void shouldCountEachCategoryShareOfASplitCredit() {
            CreditFact split = new CreditFact("split", ActivityType.SEMINAR, MID_CYCLE, new BigDecimal("3"), CreditUnit.AAMA_CEU,
                    List.of(CategoryShare.of(Category.ADMINISTRATIVE, "1"), CategoryShare.of(Category.CLINICAL, "2")),
                    Approval.AAMA, 150, false);

            Evaluation evaluation = evaluate(CMA, List.of(split), AFTER_MID);

            assertThat(evaluation.counted()).containsExactly(
                    new CountedCredit("split", new BigDecimal("1"), Category.ADMINISTRATIVE, true),
                    new CountedCredit("split", new BigDecimal("2"), Category.CLINICAL, true));
            assertThat(requirement(evaluation, RequirementCode.ADMINISTRATIVE).earned()).isEqualByComparingTo("1");
            assertThat(requirement(evaluation, RequirementCode.CLINICAL).earned()).isEqualByComparingTo("2");
        }
    }

    @Nested
    class ApprovedPoints {

        @Test
        void shouldRefuseTwentyNineAndAHalfApprovedPointsEvenWithEnoughOtherCredit() {
            List<CreditFact> credits = new ArrayList<>();
            credits.add(aama("a", "10", Category.ADMINISTRATIVE));
            credits.add(aama("c", "10", Category.CLINICAL));
            credits.add(aama("g", "9.5", Category.GENERAL));
            credits.add(contactHours("n", "30.5", Category.GENERAL));

            Evaluation evaluation = evaluate(CMA, credits, AFTER_MID);

            assertThat(requirement(evaluation, RequirementCode.AAMA_APPROVED).earned()).isEqualByComparingTo("29.5");
            assertThat(requirement(evaluation, RequirementCode.AAMA_APPROVED).shortfall()).isEqualByComparingTo("0.5");
            assertThat(requirement(evaluation, RequirementCode.TOTAL).earned()).isEqualByComparingTo("59.5");
            assertThat(excluded(evaluation, "n")).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(ExclusionCode.OVER_NON_APPROVED_CAP);
                assertThat(e.points()).isEqualByComparingTo("0.5");
            });
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.ON_TRACK);
        }

        @Test
        void shouldBeCompliantWithExactlyThirtyApprovedAndThirtyOtherPoints() {
            List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
            credits.add(contactHours("n", "30", Category.GENERAL));

            Evaluation evaluation = evaluate(CMA, credits, AFTER_MID);

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
            assertThat(evaluation.excluded()).isEmpty();
        }

        @Test
        void shouldCountNonAamaCreditForThirtyPointsAtMost() {
            List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
            credits.add(contactHours("n1", "25", Category.GENERAL));
            credits.add(contactHours("n2", "15", Category.CLINICAL, MID_CYCLE.plusDays(1)));

            Evaluation evaluation = evaluate(CMA, credits, AFTER_MID);

            assertThat(requirement(evaluation, RequirementCode.TOTAL).earned()).isEqualByComparingTo("60");
            assertThat(counted(evaluation, "n1").add(counted(evaluation, "n2"))).isEqualByComparingTo("30");
            assertThat(evaluation.excluded()).extracting(ExcludedCredit::code).containsOnly(ExclusionCode.OVER_NON_APPROVED_CAP);
            assertThat(evaluation.excluded()).extracting(ExcludedCredit::points).map(BigDecimal::toPlainString).containsExactly("10");
            assertThat(evaluation.excluded().get(0).reason()).contains("30 points at most");
        }

        @Test
        void shouldSpendTheNonAamaCapOnCategoryDeficitsFirst() {
            List<CreditFact> credits = new ArrayList<>();
            credits.add(aama("a-gen", "30", Category.GENERAL));
            credits.add(contactHours("n-gen", "20", Category.GENERAL, MID_CYCLE.minusDays(10)));
            credits.add(contactHours("n-admin", "10", Category.ADMINISTRATIVE));
            credits.add(contactHours("n-clin", "10", Category.CLINICAL));

            Evaluation evaluation = evaluate(CMA, credits, AFTER_MID);

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
            assertThat(counted(evaluation, "n-admin")).isEqualByComparingTo("10");
            assertThat(counted(evaluation, "n-clin")).isEqualByComparingTo("10");
            assertThat(counted(evaluation, "n-gen")).isEqualByComparingTo("10");
        }
    }

    @Nested
    class UnitConversions {

        @Test
        void shouldCountAnAamaCeuAsOnePoint() {
            Evaluation evaluation = evaluate(CMA, List.of(aama("a", "2.5", Category.CLINICAL)), AFTER_MID);

            assertThat(counted(evaluation, "a")).isEqualByComparingTo("2.5");
        }

        @Test
        void shouldCountAnIacetCeuAsTenPoints() {
            CreditFact iacet = credit("i", ActivityType.ONLINE_WORKSHOP, "1.5", CreditUnit.IACET_CEU, Category.GENERAL,
                    Approval.NON_AAMA, 900);

            Evaluation evaluation = evaluate(CMA, List.of(iacet), AFTER_MID);

            assertThat(counted(evaluation, "i")).isEqualByComparingTo("15");
            assertThat(requirement(evaluation, RequirementCode.AAMA_APPROVED).earned()).isEqualByComparingTo("0");
        }

        @Test
        void shouldCountACmeCreditAsOneContactHour() {
            CreditFact cme = credit("m", ActivityType.CONFERENCE, "3", CreditUnit.CME_CREDIT, Category.CLINICAL,
                    Approval.NON_AAMA, 180);

            assertThat(counted(evaluate(CMA, List.of(cme), AFTER_MID), "m")).isEqualByComparingTo("3");
        }

        @Test
        void shouldCountACollegeCreditAsFifteenNonAamaPointsWhateverItClaims() {
            CreditFact college = credit("col", ActivityType.COLLEGE_COURSE, "1", CreditUnit.COLLEGE_CREDIT,
                    Category.ADMINISTRATIVE, Approval.AAMA, 750);

            Evaluation evaluation = evaluate(CMA, List.of(college), AFTER_MID);

            assertThat(evaluation.counted()).containsExactly(
                    new CountedCredit("col", new BigDecimal("15"), Category.ADMINISTRATIVE, false));
            assertThat(requirement(evaluation, RequirementCode.AAMA_APPROVED).earned()).isEqualByComparingTo("0");
        }

        @Test
        void shouldSplitACollegeCourseAcrossCategoriesByTime() {
            List<CategoryShare> shares = CategoryShare.splitByTime(BigDecimal.ONE, Map.of(Category.ADMINISTRATIVE, 600,
                    Category.GENERAL, 150));
            CreditFact college = new CreditFact("col", ActivityType.COLLEGE_COURSE, MID_CYCLE, BigDecimal.ONE,
                    CreditUnit.COLLEGE_CREDIT, shares, Approval.NON_AAMA, 750, false);

            Evaluation evaluation = evaluate(CMA, List.of(college), AFTER_MID);

            assertThat(requirement(evaluation, RequirementCode.ADMINISTRATIVE).earned()).isEqualByComparingTo("12");
            assertThat(requirement(evaluation, RequirementCode.GENERAL).earned()).isEqualByComparingTo("3");
        }

        @Test
        void shouldCountACprCardAsFourClinicalAamaPointsWhateverCategoryOrApprovalItClaims() {
            // Rule changed (issue 15): the AAMA counts a CPR card as four clinical AAMA points, not as non-AAMA credit.
            CreditFact card = new CreditFact("cpr", ActivityType.CPR_CERTIFICATION, MID_CYCLE, BigDecimal.ONE, CreditUnit.CPR_CARD,
                    List.of(CategoryShare.of(Category.GENERAL, "1")), Approval.NON_AAMA, null, false);

            Evaluation evaluation = evaluate(CMA, List.of(card), AFTER_MID);

            assertThat(evaluation.counted()).containsExactly(new CountedCredit("cpr", new BigDecimal("4"), Category.CLINICAL, true));
        }

        @Test
        void shouldCountThreeCprCardsAndRefuseTheFourthWithItsReason() {
            List<CreditFact> cards = List.of(cprCard("cpr-1", LocalDate.parse("2022-06-01")),
                    cprCard("cpr-2", LocalDate.parse("2023-06-01")), cprCard("cpr-3", LocalDate.parse("2024-06-01")),
                    cprCard("cpr-4", LocalDate.parse("2024-07-01")));

            Evaluation evaluation = evaluate(CMA, cards, AFTER_MID);

            assertThat(requirement(evaluation, RequirementCode.CLINICAL).earned()).isEqualByComparingTo("12");
            assertThat(counted(evaluation, "cpr-4")).isEqualByComparingTo("0");
            assertThat(excluded(evaluation, "cpr-4")).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(ExclusionCode.UNIT_LIMIT_REACHED);
                assertThat(e.points()).isEqualByComparingTo("4");
                assertThat(e.reason()).contains("Only 3 CPR cards count per cycle");
            });
        }

        @Test
        void shouldCountOnlyTheCardsOfACreditThatFitTheAllowance() {
            List<CreditFact> cards = List.of(cprCard("cpr-1", LocalDate.parse("2022-06-01")),
                    new CreditFact("cpr-pair", ActivityType.CPR_CERTIFICATION, MID_CYCLE, new BigDecimal("3"), CreditUnit.CPR_CARD,
                            List.of(CategoryShare.of(Category.CLINICAL, "3")), Approval.NON_AAMA, null, false));

            Evaluation evaluation = evaluate(CMA, cards, AFTER_MID);

            assertThat(counted(evaluation, "cpr-pair")).isEqualByComparingTo("8");
            assertThat(excluded(evaluation, "cpr-pair")).singleElement()
                    .satisfies(e -> assertThat(e.points()).isEqualByComparingTo("4"));
        }

        @Test
        void shouldRefuseAUnitTheCredentialDoesNotAccept() {
            CreditFact card = cprCard("cpr", MID_CYCLE);

            Evaluation evaluation = Evaluator.evaluate(Fixtures.RULE_SETS.get("CMAC_AMCA"), LocalDate.parse("2024-01-01"), List.of(card), AFTER_MID);

            assertThat(excluded(evaluation, "cpr")).singleElement()
                    .satisfies(e -> assertThat(e.code()).isEqualTo(ExclusionCode.UNIT_NOT_ACCEPTED));
        }
    }

    @Nested
    class RefusedActivities {

        @Test
        void shouldRefuseContinuedEmploymentWithTheReasonShownToTheLearner() {
            CreditFact job = credit("job", ActivityType.CONTINUED_EMPLOYMENT, "10", CreditUnit.CONTACT_HOUR, Category.CLINICAL,
                    Approval.NON_AAMA, 6000);

            Evaluation evaluation = evaluate(CMA, List.of(job), AFTER_MID);

            assertThat(evaluation.counted()).isEmpty();
            assertThat(excluded(evaluation, "job")).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(ExclusionCode.ACTIVITY_NOT_ACCEPTED);
                assertThat(e.reason()).isEqualTo("Employment does not count toward CMA (AAMA) recertification: only continuing education does.");
            });
        }

        @Test
        void shouldRefuseOnTheJobTrainingEvenWhenAamaApproved() {
            CreditFact training = credit("ojt", ActivityType.ON_THE_JOB_TRAINING, "5", CreditUnit.AAMA_CEU, Category.CLINICAL,
                    Approval.AAMA, 300);

            Evaluation evaluation = evaluate(CMA, List.of(training), AFTER_MID);

            assertThat(excluded(evaluation, "ojt")).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(ExclusionCode.ACTIVITY_NOT_ACCEPTED);
                assertThat(e.reason()).startsWith("On-the-job training does not count");
            });
        }

        @Test
        void shouldRefuseANonAamaActivityShorterThanFiftyMinutes() {
            CreditFact shortOne = credit("short", ActivityType.SEMINAR, "1", CreditUnit.CONTACT_HOUR, Category.GENERAL,
                    Approval.NON_AAMA, 49);

            Evaluation evaluation = evaluate(CMA, List.of(shortOne), AFTER_MID);

            assertThat(excluded(evaluation, "short")).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(ExclusionCode.SHORTER_THAN_CONTACT_HOUR);
                assertThat(e.reason()).contains("49 minutes").contains("50 minutes");
            });
        }

        @Test
        void shouldCountANonAamaActivityOfExactlyFiftyMinutes() {
            CreditFact hour = credit("hour", ActivityType.SEMINAR, "1", CreditUnit.CONTACT_HOUR, Category.GENERAL,
                    Approval.NON_AAMA, 50);

            assertThat(counted(evaluate(CMA, List.of(hour), AFTER_MID), "hour")).isEqualByComparingTo("1");
        }

        @Test
        void shouldJudgeTheLengthOfANonAamaCreditWithoutMinutesByItsUnit() {
            CreditFact half = credit("half", ActivityType.SEMINAR, "0.5", CreditUnit.CONTACT_HOUR, Category.GENERAL,
                    Approval.NON_AAMA, null);

            assertThat(excluded(evaluate(CMA, List.of(half), AFTER_MID), "half")).extracting(ExcludedCredit::code)
                    .containsExactly(ExclusionCode.SHORTER_THAN_CONTACT_HOUR);
        }

        @Test
        void shouldCountAShortAamaApprovedActivity() {
            CreditFact shortAama = credit("short-aama", ActivityType.ONLINE_WORKSHOP, "0.5", CreditUnit.AAMA_CEU,
                    Category.GENERAL, Approval.AAMA, 25);

            assertThat(counted(evaluate(CMA, List.of(shortAama), AFTER_MID), "short-aama")).isEqualByComparingTo("0.5");
        }

        @Test
        void shouldListARevokedCreditAsRevoked() {
            CreditFact revoked = aama("gone", "10", Category.CLINICAL).revoke();

            Evaluation evaluation = evaluate(CMA, List.of(revoked), AFTER_MID);

            assertThat(evaluation.counted()).isEmpty();
            assertThat(excluded(evaluation, "gone")).extracting(ExcludedCredit::code).containsExactly(ExclusionCode.REVOKED);
        }
    }

    @Nested
    class CycleEdges {

        @Test
        void shouldCountACreditCompletedOnTheFirstDayOfTheCycle() {
            Evaluation evaluation = evaluate(CMA, List.of(aama("first", "5", Category.GENERAL, CERTIFIED)), AFTER_MID);

            assertThat(counted(evaluation, "first")).isEqualByComparingTo("5");
        }

        @Test
        void shouldNotCountACreditCompletedTheDayBeforeTheCycle() {
            Evaluation evaluation = evaluate(CMA, List.of(aama("before", "5", Category.GENERAL, CERTIFIED.minusDays(1))), AFTER_MID);

            assertThat(excluded(evaluation, "before")).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(ExclusionCode.OUTSIDE_CYCLE);
                assertThat(e.reason()).contains("2022-02-09").contains("2022-02-10");
            });
        }

        @Test
        void shouldCountACreditCompletedOnTheLastDayOfTheCycle() {
            List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
            credits.add(aama("last", "30", Category.GENERAL, DUE));

            Evaluation evaluation = evaluate(CMA, credits, DUE);

            assertThat(counted(evaluation, "last")).isEqualByComparingTo("30");
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
            assertThat(evaluation.daysRemaining()).isZero();
        }

        @Test
        void shouldNotCountACreditDatedAfterTheEvaluationDayButSayWhenItWill() {
            LocalDate later = AFTER_MID.plusDays(3);

            Evaluation evaluation = evaluate(CMA, List.of(aama("later", "5", Category.GENERAL, later)), AFTER_MID);

            assertThat(excluded(evaluation, "later")).extracting(ExcludedCredit::code)
                    .containsExactly(ExclusionCode.COMPLETED_AFTER_EVALUATION_DATE);
            assertThat(evaluation.nextStatusChangeOn()).isEqualTo(later);
        }

        @Test
        void shouldNotCountCreditCompletedAfterTheDueDateForTheCmaAndSayWhy() {
            // Rule changed (issue 15): the AAMA accepts credit earned within the recertification period; later credit no longer counts.
            List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
            credits.add(aama("late", "30", Category.GENERAL, DUE.plusDays(20)));

            Evaluation evaluation = evaluate(CMA, credits, DUE.plusDays(20));

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.GRACE);
            assertThat(counted(evaluation, "late")).isEqualByComparingTo("0");
            assertThat(excluded(evaluation, "late")).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo(ExclusionCode.COMPLETED_AFTER_DUE_DATE);
                assertThat(e.reason()).contains("after the due date 2027-02-28").contains("ask the AAMA Continuing Education Department");
            });
        }

        @Test
        void shouldCountCreditCompletedInTheGracePeriodWhereTheRuleSetSaysSo() {
            LocalDate certified = LocalDate.parse("2025-01-15");
            LocalDate due = LocalDate.parse("2027-01-15");
            List<CreditFact> credits = List.of(contactHours("late", "10", Category.GENERAL, due.plusDays(5)));

            Evaluation evaluation = Evaluator.evaluate(Fixtures.CCMA, certified, credits, due.plusDays(5));

            assertThat(Fixtures.CCMA.creditsAfterDueDateCount()).isTrue();
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        }

        @Test
        void shouldNotCountACreditCompletedAfterTheGracePeriod() {
            Evaluation evaluation = evaluate(CMA, List.of(aama("too-late", "5", Category.GENERAL, GRACE_END.plusDays(1))),
                    GRACE_END.plusDays(2));

            assertThat(excluded(evaluation, "too-late")).extracting(ExcludedCredit::code).containsExactly(ExclusionCode.OUTSIDE_CYCLE);
        }
    }

    @Nested
    class Statuses {

        @Test
        void shouldBeOnTrackMoreThanOneHundredEightyDaysBeforeTheDueDate() {
            Evaluation evaluation = evaluate(CMA, List.of(), DUE.minusDays(181));

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.ON_TRACK);
            assertThat(evaluation.daysRemaining()).isEqualTo(181);
            assertThat(evaluation.nextStatusChangeOn()).isEqualTo(DUE.minusDays(180));
        }

        @Test
        void shouldBeAtRiskOneHundredEightyDaysBeforeTheDueDate() {
            Evaluation evaluation = evaluate(CMA, List.of(), DUE.minusDays(180));

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.AT_RISK);
            assertThat(evaluation.nextStatusChangeOn()).isEqualTo(DUE.plusDays(1));
        }

        @Test
        void shouldHonourAConfiguredAtRiskWindow() {
            assertThat(Evaluator.evaluate(CMA, CERTIFIED, List.of(), DUE.minusDays(100), 90).status())
                    .isEqualTo(ComplianceStatus.ON_TRACK);
            assertThat(Evaluator.evaluate(CMA, CERTIFIED, List.of(), DUE.minusDays(90), 90).status())
                    .isEqualTo(ComplianceStatus.AT_RISK);
        }

        @Test
        void shouldBeAtRiskOnTheDueDateAndInGraceTheDayAfter() {
            assertThat(evaluate(CMA, List.of(), DUE).status()).isEqualTo(ComplianceStatus.AT_RISK);
            Evaluation dayAfter = evaluate(CMA, List.of(), DUE.plusDays(1));
            assertThat(dayAfter.status()).isEqualTo(ComplianceStatus.GRACE);
            assertThat(dayAfter.daysRemaining()).isEqualTo(-1);
            assertThat(dayAfter.nextStatusChangeOn()).isEqualTo(GRACE_END.plusDays(1));
        }

        @Test
        void shouldStillBeInGraceOnTheNinetiethDayPastDue() {
            Evaluation evaluation = evaluate(CMA, List.of(), DUE.plusDays(90));

            assertThat(DUE.plusDays(90)).isEqualTo(GRACE_END);
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.GRACE);
            assertThat(evaluation.daysRemaining()).isEqualTo(-90);
        }

        @Test
        void shouldBeLapsedOnTheNinetyFirstDayPastDue() {
            Evaluation evaluation = evaluate(CMA, List.of(), DUE.plusDays(91));

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.LAPSED);
            assertThat(evaluation.nextStatusChangeOn()).isNull();
        }

        @Test
        void shouldKeepACompliantLearnerCompliantUntilTheGracePeriodCloses() {
            List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
            credits.add(aama("rest", "30", Category.GENERAL));

            Evaluation evaluation = evaluate(CMA, credits, AFTER_MID);

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
            assertThat(evaluation.nextStatusChangeOn()).isEqualTo(GRACE_END.plusDays(1));
            assertThat(evaluate(CMA, credits, GRACE_END.plusDays(1)).status()).isEqualTo(ComplianceStatus.LAPSED);
        }

        @Test
        void shouldHaveNoCertificationWithoutACertificationDate() {
            Evaluation evaluation = Evaluator.evaluate(CMA, null, List.of(aama("a", "5", Category.GENERAL)), AFTER_MID);

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.NO_CERTIFICATION);
            assertThat(evaluation.dueDate()).isNull();
            assertThat(evaluation.daysRemaining()).isNull();
            assertThat(evaluation.nextStatusChangeOn()).isNull();
        }

        @Test
        void shouldHaveNoCertificationBeforeTheCertificationDayAndChangeOnIt() {
            Evaluation evaluation = evaluate(CMA, List.of(), CERTIFIED.minusDays(1));

            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.NO_CERTIFICATION);
            assertThat(evaluation.nextStatusChangeOn()).isEqualTo(CERTIFIED);
        }
    }

    @Nested
    class OtherCredentials {

        @Test
        void shouldAskThirtyPointsInThreeYearsForTheRma() {
            LocalDate certified = LocalDate.parse("2024-03-05");
            List<CreditFact> credits = List.of(contactHours("h", "30", Category.GENERAL, LocalDate.parse("2025-01-01")));

            Evaluation evaluation = Evaluator.evaluate(Fixtures.RMA, certified, credits, LocalDate.parse("2025-02-01"));

            assertThat(evaluation.dueDate()).isEqualTo("2027-03-05");
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
            assertThat(evaluation.requirements()).extracting(Requirement::code).containsExactly(RequirementCode.TOTAL);
        }

        @Test
        void shouldAskTenCreditsInTwoYearsForTheCcmaAndCountACollegeCreditAsTen() {
            LocalDate certified = LocalDate.parse("2025-01-15");
            CreditFact college = new CreditFact("col", ActivityType.COLLEGE_COURSE, LocalDate.parse("2025-06-01"), BigDecimal.ONE,
                    CreditUnit.COLLEGE_CREDIT, List.of(CategoryShare.of(Category.GENERAL, "1")), Approval.NON_AAMA, 750, false);

            Evaluation evaluation = Evaluator.evaluate(Fixtures.CCMA, certified, List.of(college), LocalDate.parse("2025-07-01"));

            assertThat(evaluation.dueDate()).isEqualTo("2027-01-15");
            assertThat(requirement(evaluation, RequirementCode.TOTAL).earned()).isEqualByComparingTo("10");
            assertThat(evaluation.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        }

        @Test
        void shouldRefuseEmploymentForEveryCredential() {
            CreditFact job = credit("job", ActivityType.CONTINUED_EMPLOYMENT, "10", CreditUnit.CONTACT_HOUR, Category.CLINICAL,
                    Approval.NON_AAMA, 6000);

            for (RuleSet rules : Fixtures.RULE_SETS.values()) {
                Evaluation evaluation = Evaluator.evaluate(rules, LocalDate.parse("2024-01-01"), List.of(job), AFTER_MID);
                assertThat(excluded(evaluation, "job")).as(rules.code()).extracting(ExcludedCredit::code)
                        .containsExactly(ExclusionCode.ACTIVITY_NOT_ACCEPTED);
            }
        }
    }
}
