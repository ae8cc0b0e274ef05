package org.recert.compliance.domain;

/**
 * How much work one plan may take, so that a large catalog cannot hold a request thread: past either limit the planner
 * answers with the best plan it has and says that it was cut short.
 *
 * @param maxCandidates most courses the search considers; beyond it, the best value for each need is kept
 * @param maxSearchSteps most states the exact search may visit before it settles for the best plan found so far
 */
public record PlanLimits(int maxCandidates, long maxSearchSteps) {

    /** Far above any catalog of the tests' exhaustive comparisons, low enough to answer a large catalog in well under a second. */
    public static final PlanLimits DEFAULT = new PlanLimits(1500, 3_000_000L);

    public PlanLimits {
        if (maxCandidates < 1 || maxSearchSteps < 1) {
            throw new IllegalArgumentException("plan limits must be positive");
        }
    }
}
