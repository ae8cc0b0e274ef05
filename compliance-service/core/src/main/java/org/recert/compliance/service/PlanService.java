package org.recert.compliance.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.compliance.domain.PlanEffort;
import org.recert.compliance.domain.PlanLimits;
import org.recert.compliance.domain.Credential;
import org.recert.compliance.domain.RecertificationPlan;
import org.recert.compliance.domain.RuleSet;
import org.recert.compliance.status.StatusView;

/** The cheapest way to close a learner's gap, from the course read model. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanService {

    private final PlanCatalog planCatalog;
    private final Evaluations evaluations;
    private final RuleSets ruleSets;
    private final PlanLimits limits;
    private final RecentPlans recentPlans;

    public PlanService(PlanCatalog planCatalog, Evaluations evaluations, RuleSets ruleSets, ComplianceConfig config) {
        this.planCatalog = planCatalog;
        this.evaluations = evaluations;
        this.ruleSets = ruleSets;
        this.limits = new PlanLimits(config.plan().maxCandidates(), config.plan().maxSearchSteps());
        this.recentPlans = new RecentPlans(config.plan().keptPlans());
    }

    /** A proposed course, as the catalog describes it. */
    @Schema(name = "PlannedCourse", example = """
            {"courseId":"6f1c0a8e-3d7b-4b9e-9f53-0c1d2e3f4a5b","title":"Infection control update","providerId":"11111111-1111-4111-8111-111111111111",
             "providerName":"AAMA e-Learning Center","format":"ONLINE_WORKSHOP","feeModel":"PER_COURSE","fee":25.00,"currency":"USD",
             "amount":2,"unit":"AAMA_CEU","approval":"AAMA","contactMinutes":100,"completeBy":"2027-03-31"}""")
    public record PlannedCourse(String courseId, String title, String providerId, String providerName, String format,
            String feeModel, BigDecimal fee, String currency, BigDecimal amount, String unit, String approval, int contactMinutes,
            @Schema(description = "Last day to complete the course so that the application, with the slowest processing the planned "
                    + "credit needs, is still in by the due date", nullable = true) LocalDate completeBy) {
    }

    /** What the planner considered; when a limit cut its work short, the plan closes the gap but may not be the cheapest. */
    @Schema(name = "PlanEffort")
    public record EffortView(int eligibleCourses, int consideredCourses, boolean candidatesCut, boolean searchCut,
            @Schema(nullable = true) String note) {

        static EffortView of(PlanEffort effort) {
            String note = !effort.cut() ? null : effort.candidatesCut()
                    ? "The catalog is large: the best-value " + effort.consideredCourses() + " of " + effort.eligibleCourses()
                            + " eligible courses were considered, so a cheaper plan may exist."
                    : "The search stopped at its limit with the best plan found so far; a cheaper plan may exist.";
            return new EffortView(effort.eligibleCourses(), effort.consideredCourses(), effort.candidatesCut(), effort.searchCut(), note);
        }
    }

    /** The cheapest plan, or why there is none, with the evaluation before and after it. */
    @Schema(name = "RecertificationPlan", example = """
            {"learnerId":"maria","credential":"CMA_AAMA","asOf":"2026-01-31","feasible":true,"infeasibility":null,"reason":null,
             "courses":[{"courseId":"6f1c0a8e-3d7b-4b9e-9f53-0c1d2e3f4a5b","title":"Infection control update","fee":25.00,"amount":2,
               "unit":"AAMA_CEU","approval":"AAMA","contactMinutes":100}],
             "subscribedProviders":[],"totalFee":25,"currency":"USD","totalContactMinutes":100,"budget":null,"approvedOnly":false,
             "ruleSetVersion":"2020-01-01","applyBy":"2027-03-31",
             "effort":{"eligibleCourses":412,"consideredCourses":412,"candidatesCut":false,"searchCut":false,"note":null},
             "current":{"status":"AT_RISK"},"projected":{"status":"COMPLIANT"}}""")
    public record PlanView(String learnerId, String credential, LocalDate asOf, boolean feasible,
            @Schema(nullable = true) String infeasibility, @Schema(nullable = true) String reason, List<PlannedCourse> courses,
            List<String> subscribedProviders, BigDecimal totalFee, String currency, int totalContactMinutes,
            @Schema(nullable = true) BigDecimal budget, boolean approvedOnly, String ruleSetVersion,
            @Schema(nullable = true, description = "Last day to apply once the planned courses are done") LocalDate applyBy,
            EffortView effort, StatusView current, StatusView projected) {
    }

    public PlanView plan(String learnerId, Credential credential, BigDecimal budget, boolean approvedOnly) {
        return plan(learnerId, evaluations.evaluate(learnerId, credential, evaluations.today()), budget, approvedOnly);
    }

    /** The plan from today's evaluation of the learner, made already (its status is the plan's {@code current}). */
    public PlanView plan(String learnerId, Evaluations.Evaluated current, BigDecimal budget, boolean approvedOnly) {
        LocalDate today = current.evaluation().asOf();
        RuleSet rules = current.rules();
        PlanCatalog.Courses catalog = planCatalog.courses();
        Set<String> taken = current.creditRows().stream()
                .filter(row -> row.courseId != null && !CreditFacts.REVOKED.equals(row.status))
                .map(row -> row.courseId).collect(Collectors.toSet());
        LocalDate certifiedOn = current.certification() == null ? null : current.certification().certifiedOn;
        RecertificationPlan plan = recentPlans.plan(learnerId, new RecentPlans.Inputs(rules, current.evaluation(), current.credits(),
                certifiedOn, today, catalog.offers(), taken, budget, approvedOnly, limits));
        LocalDate completeBy = plan.projected().applyBy();
        List<PlannedCourse> courses = plan.courses().stream().map(offer -> {
            PlanCatalog.CourseDetails row = catalog.details().get(offer.courseId());
            return new PlannedCourse(offer.courseId(), offer.title(), offer.providerId(), row.providerName(), row.format(),
                    row.feeModel(), row.fee(), row.currency(), row.amount(), row.unit(), offer.approvalOn(today).name(), offer.contactMinutes(),
                    completeBy);
        }).toList();
        int atRiskDays = ruleSets.atRiskDays(rules);
        StatusView projected = StatusView.of(learnerId, rules, certifiedOn, plan.projected(), atRiskDays);
        String currency = courses.stream().map(PlannedCourse::currency).findFirst().orElse("USD");
        return new PlanView(learnerId, rules.code(), today, plan.feasible(),
                plan.infeasibility() == null ? null : plan.infeasibility().name(), plan.reason(), courses, plan.subscribedProviders(),
                plan.totalFee(), currency, plan.totalContactMinutes(), budget, approvedOnly, rules.version(), completeBy,
                EffortView.of(plan.effort()), current.view(), projected);
    }

}
