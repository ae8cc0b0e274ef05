package org.recert.catalog.domain;

import java.math.BigDecimal;

import org.recert.contracts.CreditUnit;

/**
 * What the catalog compares courses by (fee per point, credit per dollar): CMA (AAMA) points, and the most one course can
 * plausibly award in a unit (more is a data-entry error). The compliance service applies each credential's own conversion.
 */
public final class CoursePoints {

    private CoursePoints() {
    }

    /** The amount in CMA (AAMA) points, for comparing courses only. */
    public static BigDecimal cmaPoints(CreditUnit unit, BigDecimal amount) {
        return amount.multiply(switch (unit) {
            case AAMA_CEU, CONTACT_HOUR, CME_CREDIT -> BigDecimal.ONE;
            case IACET_CEU -> BigDecimal.TEN;
            case COLLEGE_CREDIT -> BigDecimal.valueOf(15);
            case CPR_CARD -> BigDecimal.valueOf(4);
        });
    }

    /** The most one course can plausibly award in {@code unit}. */
    public static BigDecimal maxPerCourse(CreditUnit unit) {
        return BigDecimal.valueOf(switch (unit) {
            case AAMA_CEU -> 100;
            case CONTACT_HOUR, CME_CREDIT -> 200;
            case IACET_CEU -> 20;
            case COLLEGE_CREDIT -> 12;
            case CPR_CARD -> 1;
        });
    }
}
