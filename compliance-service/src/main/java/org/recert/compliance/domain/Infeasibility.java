package org.recert.compliance.domain;

/** Why no recertification plan can be offered. */
public enum Infeasibility {
    NO_CERTIFICATION,
    LAPSED,
    CATALOG_CANNOT_CLOSE_GAP,
    OVER_BUDGET
}
