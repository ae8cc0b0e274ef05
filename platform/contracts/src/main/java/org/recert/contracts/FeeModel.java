package org.recert.contracts;

/** How a course is paid for; SUBSCRIPTION is paid once per provider and covers all its subscription courses. */
public enum FeeModel {
    FREE,
    PER_COURSE,
    SUBSCRIPTION
}
