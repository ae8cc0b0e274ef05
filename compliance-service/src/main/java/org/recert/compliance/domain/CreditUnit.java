package org.recert.compliance.domain;

/** The unit a credit was issued in; each rule set converts units to its own points. */
public enum CreditUnit {
    AAMA_CEU("AAMA CEU", "AAMA CEUs"),
    CONTACT_HOUR("contact hour", "contact hours"),
    IACET_CEU("IACET CEU", "IACET CEUs"),
    CME_CREDIT("CME credit", "CME credits"),
    COLLEGE_CREDIT("college credit", "college credits"),
    CPR_CARD("CPR card", "CPR cards");

    private final String label;
    private final String plural;

    CreditUnit(String label, String plural) {
        this.label = label;
        this.plural = plural;
    }

    /** How a learner reads one of these, e.g. "contact hour". */
    public String label() {
        return label;
    }

    /** How a learner reads several of these, e.g. "CPR cards". */
    public String plural() {
        return plural;
    }
}
