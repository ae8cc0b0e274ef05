package org.recert.compliance.service;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the compliance service; each can be set by environment variable (RECERT_COMPLIANCE_AT_RISK_DAYS, ...). */
@ConfigMapping(prefix = "recert.compliance")
public interface ComplianceConfig {

    /** Days before the due date from which an unmet cycle is AT_RISK; absent: each rule file's own (180 for all four). */
    Optional<Integer> atRiskDays();

    /** Latest {@code asOf} accepted, in years after today. */
    @WithDefault("10")
    int maxAsOfYearsAhead();

    /** Earliest {@code asOf} and certification date accepted. */
    @WithDefault("1970-01-01")
    String earliestDate();

    Sweep sweep();

    Plan plan();

    /**
     * Longest a projection rebuild may wait for the replay to reach the topics' ends; past it the rebuild fails, and
     * statuses stay unpublished until a later rebuild completes (a dead-lettered record counts as read).
     */
    @WithDefault("15m")
    java.time.Duration rebuildTimeout();

    interface Plan {
        /** Most catalog courses one plan considers; past it the best value for each need is kept and the plan says so. */
        @WithDefault("1500")
        int maxCandidates();

        /** Most states the exact search visits for one plan; past it the best plan found so far is answered, marked as such. */
        @WithDefault("3000000")
        long maxSearchSteps();

        /** Most plans kept (per learner, credential and options) and answered again while their inputs are unchanged; 0 keeps none. */
        @WithDefault("2000")
        int keptPlans();
    }

    interface Sweep {
        /** When the daily status sweep runs (Quartz cron, UTC); "off" disables it. */
        @WithDefault("0 15 0 * * ?")
        String cron();
    }
}
