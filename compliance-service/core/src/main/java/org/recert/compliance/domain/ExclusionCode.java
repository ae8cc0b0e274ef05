package org.recert.compliance.domain;

/** Why a credit, or part of it, does not count; the learner-facing sentence is in {@link ExcludedCredit#reason()}. */
public enum ExclusionCode {
    REVOKED,
    OUTSIDE_CYCLE,
    COMPLETED_AFTER_EVALUATION_DATE,
    /** Completed after the due date, in the grace period, where the rule set does not count such credit. */
    COMPLETED_AFTER_DUE_DATE,
    ACTIVITY_NOT_ACCEPTED,
    UNIT_NOT_ACCEPTED,
    SHORTER_THAN_CONTACT_HOUR,
    UNIT_LIMIT_REACHED,
    OVER_NON_APPROVED_CAP
}
