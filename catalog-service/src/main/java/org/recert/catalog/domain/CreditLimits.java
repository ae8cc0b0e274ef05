package org.recert.catalog.domain;

import java.math.BigDecimal;

import org.recert.contracts.CreditUnit;

/**
 * The most one course can plausibly award in a unit as issued (more is a data-entry error). A sanity bound only: what
 * a credit counts for towards a credential is the compliance service's rule sets' business, never the catalog's.
 */
public final class CreditLimits {

    private CreditLimits() {
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
