package org.recert.catalog.domain;

/** The {@code approval} search filter. */
public enum ApprovalFilter {
    AAMA, NON_AAMA
}
