package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.recert.contracts.Category;
import org.recert.contracts.Approval;

/** Applies the rules that look at one credit alone: activity type, unit, approval, length, conversion. */
final class CreditEligibility {

    private CreditEligibility() {
    }

    static CreditAssessment assess(RuleSet rules, CreditFact credit) {
        var refusal = rules.exclusionOf(credit.activityType(), credit.completedOn());
        if (refusal.isPresent()) {
            return new ExcludedCredit(credit.creditId(), ExclusionCode.ACTIVITY_NOT_ACCEPTED, refusal.get(), null);
        }
        UnitRule unit = rules.units().get(credit.unit());
        if (unit == null) {
            return new ExcludedCredit(credit.creditId(), ExclusionCode.UNIT_NOT_ACCEPTED,
                    "Credit issued in " + UnitWords.plural(credit.unit()) + " is not accepted for " + rules.name() + ".", null);
        }
        Approval approval = unit.forcedApproval() != null ? unit.forcedApproval() : credit.approval();
        boolean approved = rules.approvingBody() != null && approval == rules.approvingBody();
        ExcludedCredit tooShort = tooShort(rules, unit, credit, approved);
        if (tooShort != null) {
            return tooShort;
        }
        Map<Category, BigDecimal> points = new EnumMap<>(Category.class);
        if (unit.fixedCategory() != null) {
            points.put(unit.fixedCategory(), credit.amount().multiply(unit.pointsPerUnit()));
        } else {
            for (CategoryShare share : credit.categories()) {
                points.merge(share.category(), share.value().multiply(unit.pointsPerUnit()), BigDecimal::add);
            }
        }
        return new EligibleCredit(credit.creditId(), credit.completedOn(), approved, points,
                unit.limited() ? credit.unit() : null, credit.amount());
    }

    private static ExcludedCredit tooShort(RuleSet rules, UnitRule unit, CreditFact credit, boolean approved) {
        Integer minimum = rules.minimumContactMinutes();
        if (minimum == null || approved || unit.exemptFromMinimumMinutes()) {
            return null;
        }
        BigDecimal minutes;
        if (credit.contactMinutes() != null) {
            minutes = BigDecimal.valueOf(credit.contactMinutes());
        } else if (unit.contactMinutesPerUnit() != null) {
            // The issuer gave no length: a unit's usual length stands in, so half a contact hour is still too short.
            minutes = credit.amount().multiply(BigDecimal.valueOf(unit.contactMinutesPerUnit()));
        } else {
            return null;
        }
        if (minutes.compareTo(BigDecimal.valueOf(minimum)) >= 0) {
            return null;
        }
        String who = rules.approvingBody() == null ? "An activity" : "An activity not approved by " + rules.approvingBody();
        return new ExcludedCredit(credit.creditId(), ExclusionCode.SHORTER_THAN_CONTACT_HOUR,
                "Lasted " + Points.show(minutes) + " minutes. " + who + " counts only if it lasts at least one contact hour ("
                        + minimum + " minutes).", null);
    }
}
