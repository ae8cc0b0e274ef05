package org.recert.catalog.domain;

/** The three content categories of the CMA (AAMA) recertification. */
public enum CreditCategory {
    ADMINISTRATIVE, CLINICAL, GENERAL
}
