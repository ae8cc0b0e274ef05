package org.recert.compliance.domain;

/** Who approved the activity a credit was issued for. */
public enum Approval {
    AAMA,
    NON_AAMA
}
