package org.recert.compliance.domain;

/** Why no recertification plan can be offered. */
public enum Infeasibility {
    NO_CERTIFICATION,
    LAPSED,
    /** Past the due date, where credit completed now is not sure to count. */
    PAST_DUE,
    CATALOG_CANNOT_CLOSE_GAP,
    OVER_BUDGET
}
