package org.recert.compliance.domain;

/**
 * What the planner looked at, and whether a {@link PlanLimits} cut its work short; when it did, the plan closes the gap
 * but may not be the cheapest.
 *
 * @param eligibleCourses   catalog courses that would add points
 * @param consideredCourses of those, the ones the search considered
 * @param candidatesCut     true when {@code consideredCourses < eligibleCourses}
 * @param searchCut         true when the exact search stopped at its step limit
 */
public record PlanEffort(int eligibleCourses, int consideredCourses, boolean candidatesCut, boolean searchCut) {

    public static final PlanEffort NONE = new PlanEffort(0, 0, false, false);

    /** True when the plan may not be the cheapest because a limit cut the work short. */
    public boolean cut() {
        return candidatesCut || searchCut;
    }
}
