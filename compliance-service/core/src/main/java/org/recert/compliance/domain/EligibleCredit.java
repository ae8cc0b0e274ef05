package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;

/**
 * A credit converted to a rule set's points, before the per-cycle limits (unit limits, non-approved cap).
 *
 * @param limitedUnit the unit when the rule set limits how many of it count per cycle, else null
 * @param units       the credit's amount in its issued unit
 */
record EligibleCredit(
        String creditId,
        LocalDate completedOn,
        boolean approved,
        Map<Category, BigDecimal> points,
        CreditUnit limitedUnit,
        BigDecimal units) implements CreditAssessment {

    EligibleCredit {
        EnumMap<Category, BigDecimal> copy = new EnumMap<>(Category.class);
        points.forEach((category, value) -> {
            if (value.signum() > 0) {
                copy.put(category, Points.normalize(value));
            }
        });
        points = Collections.unmodifiableMap(copy);
    }

    BigDecimal total() {
        return points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The same credit with only some of its limited units counting. */
    EligibleCredit limitedTo(BigDecimal countedUnits, UnitRule rule) {
        Map<Category, BigDecimal> scaled = Map.of(rule.fixedCategory(), countedUnits.multiply(rule.pointsPerUnit()));
        return new EligibleCredit(creditId, completedOn, approved, scaled, limitedUnit, countedUnits);
    }
}
