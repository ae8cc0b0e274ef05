package org.recert.contracts;

/** Bodies whose course approval the catalog records; a course without one is non-AAMA. */
public enum ApprovalBody {
    AAMA
}
