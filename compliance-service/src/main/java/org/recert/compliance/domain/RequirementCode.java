package org.recert.compliance.domain;

/** The requirements a rule set can place on a cycle. */
public enum RequirementCode {
    TOTAL,
    ADMINISTRATIVE,
    CLINICAL,
    GENERAL,
    AAMA_APPROVED;

    /** The category minimum requirement of a category. */
    public static RequirementCode of(Category category) {
        return valueOf(category.name());
    }
}
