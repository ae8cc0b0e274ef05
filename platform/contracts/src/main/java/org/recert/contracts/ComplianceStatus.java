package org.recert.contracts;

/** Where a learner stands in the current cycle of one credential: COMPLIANT, ON_TRACK, AT_RISK (due within the at-risk window), GRACE (past due, may still recertify), LAPSED (the exam must be retaken), NO_CERTIFICATION. */
public enum ComplianceStatus {
    COMPLIANT,
    ON_TRACK,
    AT_RISK,
    GRACE,
    LAPSED,
    NO_CERTIFICATION
}
