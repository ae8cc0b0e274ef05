package org.recert.credits.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Units as issued. Credit is stored in the unit the issuer used and converted per credential by the rule
 * sets; the contact-hour equivalent here is only for transcripts. CEU and CME are different things.
 */
public enum CreditUnit {
    /** AAMA-approved CEU: one per contact hour. */
    AAMA_CEU(BigDecimal.ONE),
    /** A 50-minute session. */
    CONTACT_HOUR(BigDecimal.ONE),
    /** IACET CEU: ten contact hours. */
    IACET_CEU(BigDecimal.TEN),
    /** AMA PRA-style CME credit: one per hour of activity. */
    CME_CREDIT(BigDecimal.ONE),
    /** A quarter or semester college credit: fifteen 50-minute class hours. */
    COLLEGE_CREDIT(BigDecimal.valueOf(15)),
    /** A provider-level CPR card: no time equivalent. */
    CPR_CARD(null);

    /** Minutes in one contact hour. */
    public static final int CONTACT_HOUR_MINUTES = 50;

    private final BigDecimal contactHours;

    CreditUnit(BigDecimal contactHours) {
        this.contactHours = contactHours;
    }

    /** Contact hours in one unit, where the unit is defined by time. */
    public Optional<BigDecimal> contactHoursPerUnit() {
        return Optional.ofNullable(contactHours);
    }

    /** The contact-hour equivalent of {@code value} units, where defined. */
    public Optional<BigDecimal> contactHourEquivalent(BigDecimal value) {
        return contactHoursPerUnit().map(value::multiply);
    }

    /** Whether the amount must be a whole number (cards are counted, not measured). */
    public boolean isWhole() {
        return this == CPR_CARD;
    }
}
