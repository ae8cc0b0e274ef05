package org.recert.compliance.domain;

/** How sure Recert is that a rule says what the certifying body says. */
public enum Confidence {
    /** Stated on the cited page. */
    PUBLISHED,
    /** Recert's reading where the body publishes nothing clear, or a page whose address could not be verified. */
    INTERPRETATION;

    /** The word a rule file and the API use: "published" or "interpretation". */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
