package org.recert.compliance.domain;

import java.math.BigDecimal;
import org.recert.contracts.Category;
import org.recert.contracts.Approval;

/**
 * How a rule set converts one issued unit into its points.
 *
 * @param pointsPerUnit             points one unit is worth
 * @param description               learner-facing explanation, shown where a learner enters this unit
 * @param forcedApproval            approval every credit in this unit counts with, whatever it claims (null: as issued)
 * @param fixedCategory             category every point goes to, whatever the credit claims (null: as split)
 * @param maxUnitsPerCycle          how many units count per cycle (null: no limit)
 * @param contactMinutesPerUnit     assumed length of one unit when a credit does not report its minutes (null: unknown)
 * @param exemptFromMinimumMinutes  true when the unit counts as issued, whatever the length of the activity
 */
public record UnitRule(
        BigDecimal pointsPerUnit,
        String description,
        Approval forcedApproval,
        Category fixedCategory,
        Integer maxUnitsPerCycle,
        Integer contactMinutesPerUnit,
        boolean exemptFromMinimumMinutes) {

    public UnitRule {
        if (pointsPerUnit == null || pointsPerUnit.signum() <= 0) {
            throw new InvalidRuleSetException("a unit needs a positive pointsPerUnit");
        }
        if (description == null || description.isBlank()) {
            throw new InvalidRuleSetException("a unit needs a description for learners");
        }
        if (maxUnitsPerCycle != null && maxUnitsPerCycle < 0) {
            throw new InvalidRuleSetException("maxUnitsPerCycle cannot be negative");
        }
        // Limited units must be interchangeable, so that which of them count never changes the outcome.
        if (maxUnitsPerCycle != null && (fixedCategory == null || forcedApproval == null)) {
            throw new InvalidRuleSetException("a unit with maxUnitsPerCycle needs a fixedCategory and a forcedApproval");
        }
        if (contactMinutesPerUnit != null && contactMinutesPerUnit <= 0) {
            throw new InvalidRuleSetException("contactMinutesPerUnit must be positive");
        }
        pointsPerUnit = Points.normalize(pointsPerUnit);
    }

    public boolean limited() {
        return maxUnitsPerCycle != null;
    }
}
