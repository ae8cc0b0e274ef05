package org.recert.contracts;

/** The unit a credit is issued in; each rule set converts units to its own points, so none are converted here. */
public enum CreditUnit {
    AAMA_CEU,
    CONTACT_HOUR,
    IACET_CEU,
    CME_CREDIT,
    COLLEGE_CREDIT,
    CPR_CARD
}
