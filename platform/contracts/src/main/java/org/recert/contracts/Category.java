package org.recert.contracts;

/** The three content categories of the CMA (AAMA) recertification a credit's points fall into. */
public enum Category {
    ADMINISTRATIVE,
    CLINICAL,
    GENERAL
}
