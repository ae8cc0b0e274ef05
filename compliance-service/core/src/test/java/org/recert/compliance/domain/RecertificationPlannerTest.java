package org.recert.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recert.compliance.domain.Fixtures.CERTIFIED;
import static org.recert.compliance.domain.Fixtures.CMA;
import static org.recert.compliance.domain.Fixtures.DUE;
import static org.recert.compliance.domain.Fixtures.aama;
import static org.recert.compliance.domain.Fixtures.contactHours;
import static org.recert.compliance.domain.Fixtures.course;
import static org.recert.compliance.domain.Fixtures.perCourse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;
import org.recert.contracts.FeeModel;
import org.recert.contracts.ComplianceStatus;

class RecertificationPlannerTest {

    private static final Logger LOG = Logger.getLogger(RecertificationPlannerTest.class);
    private static final LocalDate AS_OF = LocalDate.parse("2026-01-15");

    /** A credential whose category minimums exceed the non-approved cap, so that where approved points fall matters too. */
    private static final RuleSet TIGHT = RuleSetLoader.load(new java.io.ByteArrayInputStream("""
            {"code": "TIGHT", "name": "Tight", "issuer": "Tests", "version": "1", "cycleMonths": 60, "cycleEndsAtMonthEnd": true,
             "totalPoints": 40, "categoryMinimums": {"ADMINISTRATIVE": 10, "CLINICAL": 10, "GENERAL": 10},
             "approvedMinimum": 20, "approvingBody": "AAMA", "minimumContactMinutes": 50, "graceDays": 90, "atRiskDays": 180,
             "units": {"AAMA_CEU": {"pointsPerUnit": 1, "description": "d"}, "CONTACT_HOUR": {"pointsPerUnit": 1, "description": "d"},
                       "COLLEGE_CREDIT": {"pointsPerUnit": 15, "forcedApproval": "NON_AAMA", "description": "d"},
                       "CPR_CARD": {"pointsPerUnit": 4, "fixedCategory": "CLINICAL", "forcedApproval": "NON_AAMA",
                                    "maxUnitsPerCycle": 2, "exemptFromMinimumMinutes": true, "description": "d"}}}
            """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    private static RecertificationPlan plan(RuleSet rules, List<CreditFact> credits, List<CourseOffer> catalog, Set<String> taken,
            BigDecimal budget, boolean approvedOnly) {
        Evaluation current = Evaluator.evaluate(rules, CERTIFIED, credits, AS_OF);
        return RecertificationPlanner.plan(rules, current, credits, CERTIFIED, AS_OF, catalog, taken, budget, approvedOnly);
    }

    private static RecertificationPlan plan(List<CreditFact> credits, List<CourseOffer> catalog) {
        return plan(CMA, credits, catalog, Set.of(), null, false);
    }

    private static List<String> ids(RecertificationPlan plan) {
        return plan.courses().stream().map(CourseOffer::courseId).toList();
    }

    @Test
    void shouldPreferTwoCheapCoursesToOneExpensiveCourseThatAGreedyPickWouldTake() {
        List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
        credits.add(aama("g", "20", Category.GENERAL));
        // 10 points missing: one 10-point course at 50, or two 5-point courses at 20 each (cheaper per point: the big one).
        List<CourseOffer> catalog = List.of(perCourse("big", "45", "10", Category.GENERAL), perCourse("half-1", "20", "5", Category.CLINICAL),
                perCourse("half-2", "20", "5", Category.ADMINISTRATIVE), perCourse("small", "14", "4", Category.GENERAL));

        RecertificationPlan plan = plan(credits, catalog);

        assertThat(plan.feasible()).isTrue();
        assertThat(ids(plan)).containsExactly("half-1", "half-2");
        assertThat(plan.totalFee()).isEqualByComparingTo("40");
        assertThat(plan.projected().status()).isEqualTo(ComplianceStatus.COMPLIANT);
    }

    @Test
    void shouldBreakAFeeTieByFewestContactMinutes() {
        List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
        credits.add(aama("g", "28", Category.GENERAL));
        List<CourseOffer> catalog = List.of(course("long", "p1", "10", FeeModel.PER_COURSE, "2", Category.GENERAL, Approval.AAMA, 180),
                course("short", "p2", "10", FeeModel.PER_COURSE, "2", Category.GENERAL, Approval.AAMA, 100));

        RecertificationPlan plan = plan(credits, catalog);

        assertThat(ids(plan)).containsExactly("short");
        assertThat(plan.totalContactMinutes()).isEqualTo(100);
    }

    @Test
    void shouldPayASubscriptionOnceForAllItsCourses() {
        List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
        credits.add(aama("g", "20", Category.GENERAL));
        List<CourseOffer> catalog = List.of(
                course("s1", "sub", "30", FeeModel.SUBSCRIPTION, "5", Category.GENERAL, Approval.AAMA, 250),
                course("s2", "sub", "30", FeeModel.SUBSCRIPTION, "5", Category.GENERAL, Approval.AAMA, 250),
                perCourse("each", "25", "5", Category.GENERAL));

        RecertificationPlan plan = plan(credits, catalog);

        assertThat(ids(plan)).containsExactly("s1", "s2");
        assertThat(plan.subscribedProviders()).containsExactly("sub");
        assertThat(plan.totalFee()).isEqualByComparingTo("30");
    }

    @Test
    void shouldSkipCoursesAlreadyTakenAndRetiredCourses() {
        List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
        credits.add(aama("g", "25", Category.GENERAL));
        CourseOffer retired = new CourseOffer("retired", "Retired", "p", ActivityType.ONLINE_WORKSHOP, BigDecimal.ZERO, FeeModel.FREE,
                new BigDecimal("5"), CreditUnit.AAMA_CEU, List.of(CategoryShare.of(Category.GENERAL, "5")), Approval.AAMA, 250, true,
                null);
        List<CourseOffer> catalog = List.of(retired, perCourse("taken", "0", "5", Category.GENERAL),
                perCourse("paid", "35", "5", Category.GENERAL));

        RecertificationPlan plan = plan(CMA, credits, catalog, Set.of("taken"), null, false);

        assertThat(ids(plan)).containsExactly("paid");
    }

    @Test
    void shouldOfferOnlyAamaApprovedCoursesWhenAsked() {
        List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
        credits.add(aama("g", "25", Category.GENERAL));
        CourseOffer expired = new CourseOffer("expired", "Expired approval", "p", ActivityType.ONLINE_WORKSHOP, new BigDecimal("1"),
                FeeModel.PER_COURSE, new BigDecimal("5"), CreditUnit.AAMA_CEU, List.of(CategoryShare.of(Category.GENERAL, "5")),
                Approval.AAMA, 250, false, AS_OF.minusDays(1));
        List<CourseOffer> catalog = List.of(expired,
                course("non-aama", "p2", "0", FeeModel.FREE, "5", Category.GENERAL, Approval.NON_AAMA, 250),
                perCourse("aama", "40", "5", Category.GENERAL));

        assertThat(ids(plan(CMA, credits, catalog, Set.of(), null, true))).containsExactly("aama");
        assertThat(ids(plan(CMA, credits, catalog, Set.of(), null, false))).containsExactly("non-aama");
    }

    @Test
    void shouldSayTheCheapestPlanIsOverBudget() {
        List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
        credits.add(aama("g", "25", Category.GENERAL));
        List<CourseOffer> catalog = List.of(perCourse("paid", "35", "5", Category.GENERAL));

        RecertificationPlan over = plan(CMA, credits, catalog, Set.of(), new BigDecimal("34.99"), false);
        RecertificationPlan within = plan(CMA, credits, catalog, Set.of(), new BigDecimal("35"), false);

        assertThat(over.feasible()).isFalse();
        assertThat(over.infeasibility()).isEqualTo(Infeasibility.OVER_BUDGET);
        assertThat(over.reason()).contains("35").contains("34.99");
        assertThat(within.feasible()).isTrue();
    }

    @Test
    void shouldSayWhenTheCatalogCannotCloseTheGap() {
        RecertificationPlan plan = plan(List.of(), List.of(perCourse("one", "10", "5", Category.GENERAL)));

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.infeasibility()).isEqualTo(Infeasibility.CATALOG_CANNOT_CLOSE_GAP);
        assertThat(plan.reason()).contains("TOTAL short by 55");
    }

    @Test
    void shouldNeedNothingWhenCompliantAndRefuseWhenLapsed() {
        List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
        credits.add(aama("g", "30", Category.GENERAL));
        RecertificationPlan compliant = plan(credits, List.of(perCourse("one", "10", "5", Category.GENERAL)));
        assertThat(compliant.feasible()).isTrue();
        assertThat(compliant.courses()).isEmpty();

        LocalDate lapsedDay = DUE.plusDays(91);
        Evaluation lapsed = Evaluator.evaluate(CMA, CERTIFIED, List.of(), lapsedDay);
        RecertificationPlan refused = RecertificationPlanner.plan(CMA, lapsed, List.of(), CERTIFIED, lapsedDay,
                List.of(perCourse("one", "10", "5", Category.GENERAL)), Set.of(), null, false);
        assertThat(refused.infeasibility()).isEqualTo(Infeasibility.LAPSED);
    }

    @Test
    void shouldKeepACprCardThatOnlyCoursesOfAnotherKindDominate() {
        // found by exhaustive search: two AAMA courses and a cheaper card dominate the dear card, yet the cheapest plan,
        // at equal fee, needs all four (a subscription course would cost more minutes)
        List<CreditFact> credits = List.of(aama("a-gen", "4.5", Category.GENERAL), aama("a-clin", "3", Category.CLINICAL),
                aama("a-adm", "12.5", Category.ADMINISTRATIVE), contactHours("h-adm", "10", Category.ADMINISTRATIVE),
                contactHours("h-gen", "8", Category.GENERAL));
        List<CourseOffer> catalog = List.of(
                course("sub-clinical", "p0", "42.50", FeeModel.SUBSCRIPTION, "6.5", Category.CLINICAL, Approval.AAMA, 325),
                course("clinical-a", "p2", "26.00", FeeModel.PER_COURSE, "7.5", Category.CLINICAL, Approval.AAMA, 385),
                course("clinical-b", "p1", "39.50", FeeModel.PER_COURSE, "6.5", Category.CLINICAL, Approval.AAMA, 335),
                cpr("card-dear", "p1", "43.50"), cpr("card-cheap", "p0", "18.00"),
                course("sub-general", "p0", "43.50", FeeModel.SUBSCRIPTION, "1", Category.GENERAL, Approval.AAMA, 60));

        RecertificationPlan plan = plan(credits, catalog);

        assertThat(ids(plan)).containsExactly("card-cheap", "card-dear", "clinical-a", "clinical-b");
        assertThat(plan.totalFee()).isEqualByComparingTo("127");
        assertThat(plan.totalContactMinutes()).isEqualTo(1200);
    }

    private static CourseOffer cpr(String id, String provider, String fee) {
        return new CourseOffer(id, "CPR " + id, provider, ActivityType.CPR_CERTIFICATION, new BigDecimal(fee), FeeModel.PER_COURSE,
                BigDecimal.ONE, CreditUnit.CPR_CARD, List.of(CategoryShare.of(Category.CLINICAL, "1")), Approval.NON_AAMA, 240, false,
                null);
    }

    @Test
    void shouldEqualExhaustiveSearchOnSeededRandomCatalogs() {
        Random random = new Random(20261125L);
        int feasible = 0;
        for (int trial = 0; trial < 1000; trial++) {
            RuleSet rules = trial % 5 == 4 ? Fixtures.RMA : trial % 5 == 3 ? TIGHT : CMA;
            Scenario scenario = Scenario.random(random, rules, 10);
            if (scenario.check()) {
                feasible++;
            }
        }
        assertThat(feasible).as("trials where a plan exists").isGreaterThan(250);
    }

    @Property(tries = 200)
    void thePlannerIsNeverWorseThanExhaustiveSearch(@ForAll long seed) {
        Random random = new Random(seed);
        Scenario.random(random, random.nextBoolean() ? CMA : Fixtures.CCMA, 9).check();
    }

    @Test
    void shouldPlanOverSeveralThousandCoursesAndLogHowLong() {
        Random random = new Random(7L);
        for (int size : new int[] {1000, 3000, 6000}) {
          for (boolean freeCourses : new boolean[] {true, false}) {
            List<CourseOffer> catalog = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                catalog.add(Scenario.randomCourse(random, "c" + i, 40, freeCourses));
            }
            List<CreditFact> halfway = Fixtures.thirtyApprovedPointsAcrossCategories();
            List<CreditFact> nearly = new ArrayList<>(halfway);
            nearly.add(contactHours("h", "15", Category.GENERAL));
            for (List<CreditFact> credits : List.of(List.<CreditFact>of(), halfway, nearly)) {
                Evaluation current = Evaluator.evaluate(CMA, CERTIFIED, credits, AS_OF);
                long start = System.nanoTime();
                RecertificationPlan plan = RecertificationPlanner.plan(CMA, current, credits, CERTIFIED, AS_OF, catalog, Set.of(),
                        null, false);
                long millis = (System.nanoTime() - start) / 1_000_000;
                LOG.infof("planner: %d courses (%s), %s points already earned: %d ms, %d courses chosen, fee %s", size,
                        freeCourses ? "a fifth free" : "none free", current.requirement(RequirementCode.TOTAL).orElseThrow().earned(),
                        millis, plan.courses().size(), plan.totalFee());
                assertThat(plan.feasible()).isTrue();
                assertThat(plan.projected().requirementsMet()).isTrue();
            }
          }
        }
    }

    @Test
    void shouldConsiderOnlyTheBestValueCoursesOfEachNeedPastTheCandidateLimitAndSaySo() {
        List<CourseOffer> catalog = randomCatalog(11L, 3000, false);
        List<CreditFact> credits = Fixtures.thirtyApprovedPointsAcrossCategories();
        Evaluation current = Evaluator.evaluate(CMA, CERTIFIED, credits, AS_OF);

        RecertificationPlan plan = RecertificationPlanner.plan(CMA, current, credits, CERTIFIED, AS_OF, catalog, Set.of(), null, false,
                new PlanLimits(120, 3_000_000L));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.projected().requirementsMet()).isTrue();
        assertThat(plan.effort().candidatesCut()).isTrue();
        assertThat(plan.effort().consideredCourses()).isEqualTo(120);
        assertThat(plan.effort().eligibleCourses()).isGreaterThan(120);
    }

    @Test
    void shouldAnswerTheBestPlanFoundWhenTheSearchStepLimitIsReached() {
        List<CourseOffer> catalog = randomCatalog(12L, 400, true);
        Evaluation current = Evaluator.evaluate(CMA, CERTIFIED, List.of(), AS_OF);

        RecertificationPlan cut = RecertificationPlanner.plan(CMA, current, List.of(), CERTIFIED, AS_OF, catalog, Set.of(), null, false,
                new PlanLimits(1500, 10));
        RecertificationPlan exact = RecertificationPlanner.plan(CMA, current, List.of(), CERTIFIED, AS_OF, catalog, Set.of(), null, false);

        assertThat(cut.effort().searchCut()).isTrue();
        assertThat(cut.feasible()).isTrue();
        assertThat(cut.projected().requirementsMet()).isTrue();
        assertThat(cut.totalFee()).isGreaterThanOrEqualTo(exact.totalFee());
        assertThat(exact.effort().cut()).isFalse();
    }

    @Test
    void shouldNotProposeCoursesInGraceWhenCreditAfterTheDueDateDoesNotCount() {
        Evaluation current = Evaluator.evaluate(CMA, CERTIFIED, List.of(), DUE.plusDays(5));

        RecertificationPlan plan = RecertificationPlanner.plan(CMA, current, List.of(), CERTIFIED, DUE.plusDays(5),
                List.of(perCourse("any", "5", "60", Category.GENERAL)), Set.of(), null, false);

        assertThat(plan.infeasibility()).isEqualTo(Infeasibility.PAST_DUE);
        assertThat(plan.reason()).contains("Ask the AAMA Continuing Education Department");
    }

    private static List<CourseOffer> randomCatalog(long seed, int size, boolean freeCourses) {
        Random random = new Random(seed);
        List<CourseOffer> catalog = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            catalog.add(Scenario.randomCourse(random, "c" + i, 40, freeCourses));
        }
        return catalog;
    }

    /** A learner, a small catalog, and the exhaustive search the planner must match. */
    private record Scenario(RuleSet rules, LocalDate certifiedOn, List<CreditFact> credits, List<CourseOffer> catalog, Set<String> taken,
            BigDecimal budget, boolean approvedOnly) {

        static Scenario random(Random random, RuleSet rules, int maxCourses) {
            // every credential's cycle must hold AS_OF: the shorter ones start later
            LocalDate certifiedOn = rules.cycleMonths() == 60 ? CERTIFIED : LocalDate.parse("2025-03-01");
            int span = (int) java.time.temporal.ChronoUnit.DAYS.between(certifiedOn, AS_OF);
            List<CreditFact> credits = new ArrayList<>();
            int existing = random.nextInt(8);
            for (int i = 0; i < existing; i++) {
                Category category = Category.values()[random.nextInt(3)];
                String amount = String.valueOf(2 + random.nextInt(17) / 2.0);
                LocalDate day = certifiedOn.plusDays(random.nextInt(span));
                credits.add(random.nextInt(3) == 0 ? contactHours("h" + i, amount, category, day)
                        : aama("a" + i, amount, category, day));
            }
            if (random.nextInt(4) == 0) {
                credits.add(Fixtures.cprCard("card", certifiedOn.plusDays(random.nextInt(span))));
            }
            List<CourseOffer> catalog = new ArrayList<>();
            int courses = 3 + random.nextInt(maxCourses - 2);
            for (int i = 0; i < courses; i++) {
                catalog.add(randomCourse(random, "k" + i, 3, true));
            }
            Set<String> taken = new HashSet<>();
            if (random.nextInt(4) == 0) {
                taken.add("k0");
            }
            BigDecimal budget = random.nextInt(4) == 0 ? BigDecimal.valueOf(random.nextInt(120)) : null;
            return new Scenario(rules, certifiedOn, credits, catalog, taken, budget, random.nextInt(5) == 0);
        }

        static CourseOffer randomCourse(Random random, String id, int providers, boolean free) {
            String provider = "p" + random.nextInt(providers);
            int kind = random.nextInt(10);
            int feeCents = free && random.nextInt(5) == 0 ? 0 : 500 + random.nextInt(60) * 100 + (random.nextBoolean() ? 50 : 0);
            FeeModel model = feeCents == 0 ? FeeModel.FREE : random.nextInt(4) == 0 ? FeeModel.SUBSCRIPTION : FeeModel.PER_COURSE;
            BigDecimal fee = BigDecimal.valueOf(feeCents, 2);
            if (kind == 0) {
                // now and then a course that issues two cards
                BigDecimal cards = random.nextInt(4) == 0 ? BigDecimal.valueOf(2) : BigDecimal.ONE;
                return new CourseOffer(id, "CPR " + id, provider, ActivityType.CPR_CERTIFICATION, fee, model, cards,
                        CreditUnit.CPR_CARD, List.of(new CategoryShare(Category.CLINICAL, cards)), Approval.NON_AAMA, 240, false,
                        null);
            }
            if (kind == 1) {
                return new CourseOffer(id, "College " + id, provider, ActivityType.COLLEGE_COURSE, fee, model, BigDecimal.ONE,
                        CreditUnit.COLLEGE_CREDIT, List.of(CategoryShare.of(Category.values()[random.nextInt(3)], "1")),
                        Approval.NON_AAMA, 750, false, null);
            }
            BigDecimal amount = BigDecimal.valueOf(2 + random.nextInt(19), 1).multiply(BigDecimal.valueOf(5));
            Category first = Category.values()[random.nextInt(3)];
            List<CategoryShare> shares;
            if (random.nextInt(3) == 0) {
                Category second = Category.values()[(first.ordinal() + 1 + random.nextInt(2)) % 3];
                BigDecimal half = amount.divide(BigDecimal.valueOf(2));
                shares = List.of(new CategoryShare(first, half), new CategoryShare(second, amount.subtract(half)));
            } else {
                shares = List.of(new CategoryShare(first, amount));
            }
            boolean approved = kind < 7;
            // now and then a non-AAMA session shorter than a contact hour (never counts) or an AAMA approval that expired
            int minutes = !approved && random.nextInt(10) == 0 ? 40
                    : amount.multiply(BigDecimal.valueOf(50)).intValue() + (random.nextBoolean() ? 10 : 0);
            LocalDate validTo = approved && random.nextInt(10) == 0 ? AS_OF.minusDays(1) : null;
            return new CourseOffer(id, "Course " + id, provider, approved ? ActivityType.ONLINE_WORKSHOP : ActivityType.SEMINAR,
                    fee, model, amount, approved ? CreditUnit.AAMA_CEU : CreditUnit.CONTACT_HOUR, shares,
                    approved ? Approval.AAMA : Approval.NON_AAMA, minutes, random.nextInt(12) == 0, validTo);
        }

        /** Asserts the planner's fee and minutes equal the exhaustive optimum; returns whether a plan exists. */
        boolean check() {
            Evaluation current = Evaluator.evaluate(rules, certifiedOn, credits, AS_OF);
            RecertificationPlan plan = RecertificationPlanner.plan(rules, current, credits, certifiedOn, AS_OF, catalog, taken, budget,
                    approvedOnly);
            List<CourseOffer> candidates = RecertificationPlanner.candidates(rules, catalog, taken, AS_OF, approvedOnly);
            Map<String, BigDecimal> prices = RecertificationPlanner.subscriptionPrices(catalog);
            BigDecimal bestFee = null;
            int bestMinutes = 0;
            List<String> bestIds = List.of();
            for (int mask = 0; mask < 1 << candidates.size(); mask++) {
                List<CreditFact> all = new ArrayList<>(credits);
                BigDecimal fee = BigDecimal.ZERO;
                int minutes = 0;
                Set<String> subscribed = new HashSet<>();
                for (int i = 0; i < candidates.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        CourseOffer offer = candidates.get(i);
                        all.add(offer.toCreditFact(AS_OF));
                        minutes += offer.contactMinutes();
                        if (offer.feeModel() == FeeModel.SUBSCRIPTION) {
                            if (subscribed.add(offer.providerId())) {
                                fee = fee.add(prices.get(offer.providerId()));
                            }
                        } else {
                            fee = fee.add(offer.fee());
                        }
                    }
                }
                if (!Evaluator.evaluate(rules, certifiedOn, all, AS_OF).requirementsMet()) {
                    continue;
                }
                int byFee = bestFee == null ? -1 : fee.compareTo(bestFee);
                if (byFee < 0 || (byFee == 0 && minutes < bestMinutes)) {
                    bestFee = fee;
                    bestMinutes = minutes;
                    List<String> chosen = new ArrayList<>();
                    for (int i = 0; i < candidates.size(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            chosen.add(candidates.get(i).courseId());
                        }
                    }
                    bestIds = chosen;
                }
            }
            String context = rules.code() + " planned " + plan.courses().stream().map(CourseOffer::courseId).toList() + " best "
                    + bestIds + "\ncredits " + credits + "\ncatalog " + catalog + "\ntaken " + taken + " approvedOnly " + approvedOnly;
            if (current.requirementsMet()) {
                assertThat(plan.courses()).as(context).isEmpty();
                return true;
            }
            if (bestFee == null) {
                assertThat(plan.infeasibility()).as(context).isEqualTo(Infeasibility.CATALOG_CANNOT_CLOSE_GAP);
                return false;
            }
            assertThat(plan.projected().requirementsMet()).as(context).isTrue();
            assertThat(plan.totalFee()).as(context).isEqualByComparingTo(bestFee);
            assertThat(plan.totalContactMinutes()).as(context).isEqualTo(bestMinutes);
            boolean withinBudget = budget == null || bestFee.compareTo(budget) <= 0;
            assertThat(plan.feasible()).as(context).isEqualTo(withinBudget);
            if (!withinBudget) {
                assertThat(plan.infeasibility()).isEqualTo(Infeasibility.OVER_BUDGET);
            }
            return true;
        }
    }
}
