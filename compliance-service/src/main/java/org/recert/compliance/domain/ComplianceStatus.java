package org.recert.compliance.domain;

/** Where a learner stands in the current cycle of one credential. */
public enum ComplianceStatus {
    /** Every requirement of the cycle is met. */
    COMPLIANT,
    /** Requirements unmet, and the due date is further away than the at-risk window. */
    ON_TRACK,
    /** Requirements unmet, and the due date is within the at-risk window. */
    AT_RISK,
    /** Past the due date by at most the grace days: may still recertify by continuing education. */
    GRACE,
    /** Past the grace period: the exam must be retaken. */
    LAPSED,
    /** No certification date recorded, or it lies after the evaluation date. */
    NO_CERTIFICATION
}
