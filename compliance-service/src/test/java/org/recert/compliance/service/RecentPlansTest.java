package org.recert.compliance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.recert.compliance.domain.CategoryShare;
import org.recert.compliance.domain.CourseOffer;
import org.recert.compliance.domain.CreditFact;
import org.recert.compliance.domain.Evaluator;
import org.recert.compliance.domain.PlanLimits;
import org.recert.compliance.domain.RecertificationPlan;
import org.recert.compliance.domain.RuleSet;
import org.recert.compliance.domain.RuleSetLoader;
import org.recert.contracts.ActivityType;
import org.recert.contracts.Approval;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.FeeModel;

class RecentPlansTest {

    private static final RuleSet CMA = RuleSetLoader.loadAll().get("CMA_AAMA").latest();
    private static final LocalDate CERTIFIED = LocalDate.parse("2022-02-10");
    private static final LocalDate AS_OF = LocalDate.parse("2026-01-15");
    private static final String LEARNER = "maria";

    @Test
    void shouldAnswerTheKeptPlanWhileEveryInputIsUnchanged() {
        RecentPlans plans = new RecentPlans(10);

        RecertificationPlan first = plans.plan(LEARNER, inputs(credits(), AS_OF));
        RecertificationPlan again = plans.plan(LEARNER, inputs(credits(), AS_OF));

        assertThat(again).isSameAs(first);
    }

    @Test
    void shouldSearchAgainWhenTheLearnerEarnsACredit() {
        RecentPlans plans = new RecentPlans(10);
        RecertificationPlan before = plans.plan(LEARNER, inputs(credits(), AS_OF));
        List<CreditFact> more = credits();
        more.add(aama("g-more", "20", Category.GENERAL));

        RecertificationPlan after = plans.plan(LEARNER, inputs(more, AS_OF));

        assertThat(before.courses()).hasSize(2);
        assertThat(after.courses()).isEmpty();
        assertThat(after).isEqualTo(inputs(more, AS_OF).search());
    }

    @Test
    void shouldSearchAgainOnANewDayAndForAnotherLearner() {
        RecentPlans plans = new RecentPlans(10);
        RecertificationPlan today = plans.plan(LEARNER, inputs(credits(), AS_OF));

        assertThat(plans.plan(LEARNER, inputs(credits(), AS_OF.plusDays(1)))).isNotSameAs(today);
        assertThat(plans.plan("ana", inputs(credits(), AS_OF))).isNotSameAs(today);
    }

    @Test
    void shouldKeepNoPlanWithNoCapacity() {
        RecentPlans plans = new RecentPlans(0);
        RecertificationPlan first = plans.plan(LEARNER, inputs(credits(), AS_OF));

        assertThat(plans.plan(LEARNER, inputs(credits(), AS_OF))).isNotSameAs(first).isEqualTo(first);
    }

    /** 40 AAMA points, each category's minimum met: 20 points missing. */
    private static List<CreditFact> credits() {
        List<CreditFact> credits = new ArrayList<>();
        credits.add(aama("a-admin", "10", Category.ADMINISTRATIVE));
        credits.add(aama("a-clin", "10", Category.CLINICAL));
        credits.add(aama("a-gen", "20", Category.GENERAL));
        return credits;
    }

    private static RecentPlans.Inputs inputs(List<CreditFact> credits, LocalDate asOf) {
        List<CourseOffer> catalog = List.of(course("c1", "10"), course("c2", "10"), course("small", "4"));
        return new RecentPlans.Inputs(CMA, Evaluator.evaluate(CMA, CERTIFIED, credits, asOf), credits, CERTIFIED, asOf, catalog, Set.of(),
                null, false, PlanLimits.DEFAULT);
    }

    private static CreditFact aama(String id, String ceus, Category category) {
        return new CreditFact(id, ActivityType.ONLINE_WORKSHOP, LocalDate.parse("2024-06-15"), new BigDecimal(ceus), CreditUnit.AAMA_CEU,
                List.of(CategoryShare.of(category, ceus)), Approval.AAMA, null, false);
    }

    private static CourseOffer course(String id, String ceus) {
        return new CourseOffer(id, "Course " + id, "p-" + id, ActivityType.ONLINE_WORKSHOP, new BigDecimal("25"), FeeModel.PER_COURSE,
                new BigDecimal(ceus), CreditUnit.AAMA_CEU, List.of(CategoryShare.of(Category.GENERAL, ceus)), Approval.AAMA,
                Integer.parseInt(ceus) * 50, false, null);
    }
}
