package org.recert.compliance.domain;

import org.recert.contracts.ApprovalBody;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.RequirementKind;

/** The requirements a rule set can place on a cycle. */
public enum RequirementCode {
    TOTAL,
    ADMINISTRATIVE,
    CLINICAL,
    GENERAL,
    AAMA_APPROVED,
    /** A current CPR card: the CMA (AAMA) asked for one until 2013-06-01. */
    CPR_CARD;

    /** What the requirement asks for, as compliance.status.v1 names it. */
    public RequirementKind kind() {
        return switch (this) {
            case TOTAL -> RequirementKind.TOTAL;
            case ADMINISTRATIVE, CLINICAL, GENERAL -> RequirementKind.CATEGORY_MINIMUM;
            case AAMA_APPROVED -> RequirementKind.APPROVED_MINIMUM;
            case CPR_CARD -> RequirementKind.UNIT_MINIMUM;
        };
    }

    /** The category whose minimum this is; null for the other kinds. */
    public Category category() {
        return kind() == RequirementKind.CATEGORY_MINIMUM ? Category.valueOf(name()) : null;
    }

    /** The body whose approval the points need; null for the other kinds. */
    public ApprovalBody approvingBody() {
        return this == AAMA_APPROVED ? ApprovalBody.AAMA : null;
    }

    /** The unit counted (in units, not points); null for the other kinds. */
    public CreditUnit unit() {
        return kind() == RequirementKind.UNIT_MINIMUM ? CreditUnit.valueOf(name()) : null;
    }

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
