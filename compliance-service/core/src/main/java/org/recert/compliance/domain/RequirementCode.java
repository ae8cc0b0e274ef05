package org.recert.compliance.domain;

import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;

/** The requirements a rule set can place on a cycle. */
public enum RequirementCode {
    TOTAL,
    ADMINISTRATIVE,
    CLINICAL,
    GENERAL,
    AAMA_APPROVED,
    /** A current CPR card: the CMA (AAMA) asked for one until 2013-06-01. */
    CPR_CARD;

    /** The category minimum requirement of a category. */
    public static RequirementCode of(Category category) {
        return valueOf(category.name());
    }

    /** The requirement to hold at least some units of a kind; only the units named here can be required. */
    public static RequirementCode of(CreditUnit unit) {
        try {
            return valueOf(unit.name());
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleSetException(unit + " cannot be a required unit");
        }
    }
}
