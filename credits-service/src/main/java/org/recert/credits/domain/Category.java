package org.recert.credits.domain;

/** The content categories of the CMA (AAMA) requirements. */
public enum Category {
    ADMINISTRATIVE,
    CLINICAL,
    GENERAL
}
