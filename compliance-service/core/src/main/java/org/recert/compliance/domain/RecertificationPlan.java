package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The cheapest set of catalog courses that closes every shortfall, or why there is none.
 *
 * @param infeasibility       null when feasible
 * @param reason              learner-facing explanation when infeasible, else null
 * @param courses             the chosen courses, by course id; when over budget, the cheapest plan, which exceeds it
 * @param subscribedProviders providers whose subscription the plan pays for, once each
 * @param totalFee            per-course fees plus one subscription price per subscribed provider
 * @param projected           the evaluation once the chosen courses are completed on the evaluation day
 * @param effort              what the search considered, and whether a limit cut it short
 */
public record RecertificationPlan(
        boolean feasible,
        Infeasibility infeasibility,
        String reason,
        List<CourseOffer> courses,
        List<String> subscribedProviders,
        BigDecimal totalFee,
        int totalContactMinutes,
        Evaluation projected,
        PlanEffort effort) {

    public RecertificationPlan {
        Objects.requireNonNull(projected, "projected");
        effort = effort == null ? PlanEffort.NONE : effort;
        if (feasible != (infeasibility == null)) {
            throw new IllegalArgumentException("a plan is feasible exactly when it has no infeasibility");
        }
        courses = List.copyOf(courses);
        subscribedProviders = List.copyOf(subscribedProviders);
        totalFee = Points.normalize(totalFee);
    }

    static RecertificationPlan infeasible(Infeasibility infeasibility, String reason, Evaluation current) {
        return new RecertificationPlan(false, infeasibility, reason, List.of(), List.of(), BigDecimal.ZERO, 0, current, PlanEffort.NONE);
    }
}
