package org.recert.compliance.domain;

/** The three content areas a CMA (AAMA) credit can fall into. */
public enum Category {
    ADMINISTRATIVE,
    CLINICAL,
    GENERAL
}
