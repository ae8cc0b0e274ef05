package org.recert.compliance.domain;

import org.recert.contracts.CreditUnit;

/** How a learner reads a unit as issued, in the sentences the evaluation and the plans give. */
public final class UnitWords {

    private UnitWords() {
    }

    /** One of these, e.g. "contact hour". */
    public static String label(CreditUnit unit) {
        return switch (unit) {
            case AAMA_CEU -> "AAMA CEU";
            case CONTACT_HOUR -> "contact hour";
            case IACET_CEU -> "IACET CEU";
            case CME_CREDIT -> "CME credit";
            case COLLEGE_CREDIT -> "college credit";
            case CPR_CARD -> "CPR card";
        };
    }

    /** Several of these, e.g. "CPR cards": every label takes an s. */
    public static String plural(CreditUnit unit) {
        return label(unit) + "s";
    }
}
