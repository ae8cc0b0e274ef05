package org.recert.credits.domain;

import java.math.BigDecimal;
import java.util.Optional;

import org.recert.contracts.CreditUnit;

/**
 * Time equivalents of the units as issued, for transcripts only: credit is stored in the issuer's unit and converted
 * per credential by the rule sets. CEU and CME are different things.
 */
public final class ContactHours {

    /** Minutes in one contact hour: a 50-minute session. */
    public static final int MINUTES = 50;

    private ContactHours() {
    }

    /** Contact hours in one unit, where the unit is defined by time (a CPR card is not). */
    public static Optional<BigDecimal> perUnit(CreditUnit unit) {
        return Optional.ofNullable(switch (unit) {
            // an AAMA CEU, a CME credit: one per hour of activity
            case AAMA_CEU, CONTACT_HOUR, CME_CREDIT -> BigDecimal.ONE;
            // an IACET CEU is ten contact hours
            case IACET_CEU -> BigDecimal.TEN;
            // a quarter or semester college credit: fifteen 50-minute class hours
            case COLLEGE_CREDIT -> BigDecimal.valueOf(15);
            case CPR_CARD -> null;
        });
    }

    /** The contact-hour equivalent of {@code value} units, where defined. */
    public static Optional<BigDecimal> of(CreditUnit unit, BigDecimal value) {
        return perUnit(unit).map(value::multiply);
    }

    /** Whether amounts in the unit must be whole numbers (cards are counted, not measured). */
    public static boolean isCounted(CreditUnit unit) {
        return unit == CreditUnit.CPR_CARD;
    }
}
