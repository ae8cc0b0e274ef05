package org.recert.catalog.domain;

import java.math.BigDecimal;

/**
 * Units as issued. {@link #cmaPoints} converts to CMA (AAMA) points, which the catalog uses to compare courses
 * (fee per point, credit per dollar); the compliance service applies each credential's own conversion.
 */
public enum CreditUnit {
    /** 1 AAMA CEU = 1 point. */
    AAMA_CEU("1", "100"),
    /** A 50-minute session = 1 point. */
    CONTACT_HOUR("1", "200"),
    /** 1 IACET CEU = 10 contact hours. */
    IACET_CEU("10", "20"),
    /** Continuing medical education for physicians and nurses: counted as a contact hour. */
    CME_CREDIT("1", "200"),
    /** 1 quarter or semester credit = 15 points. */
    COLLEGE_CREDIT("15", "12"),
    /** One 2-year provider-level card = 4 CLINICAL points. */
    CPR_CARD("4", "1");

    private final BigDecimal pointsPerUnit;
    private final BigDecimal maxPerCourse;

    CreditUnit(String pointsPerUnit, String maxPerCourse) {
        this.pointsPerUnit = new BigDecimal(pointsPerUnit);
        this.maxPerCourse = new BigDecimal(maxPerCourse);
    }

    public BigDecimal cmaPoints(BigDecimal amount) {
        return amount.multiply(pointsPerUnit);
    }

    /** The most one course can plausibly award in this unit; more is a data-entry error. */
    public BigDecimal maxPerCourse() {
        return maxPerCourse;
    }
}
