package org.recert.contracts;

/**
 * What a requirement of a cycle asks for, so that a consumer can put it in its own words and language: the total, a
 * category's minimum, a minimum of points approved by a body, or a number of units of one kind (a CPR card).
 */
public enum RequirementKind {
    /** Points in all; measured in the credential's points. */
    TOTAL,
    /** At least so many points in one {@link Category}. */
    CATEGORY_MINIMUM,
    /** At least so many points approved by an {@link ApprovalBody}. */
    APPROVED_MINIMUM,
    /** At least so many units of one {@link CreditUnit} (counted in units, not points). */
    UNIT_MINIMUM
}
