package org.recert.compliance.domain;

/** How a course is paid for. */
public enum FeeModel {
    FREE,
    PER_COURSE,
    /** Paid once per provider; covers all that provider's subscription courses. */
    SUBSCRIPTION
}
