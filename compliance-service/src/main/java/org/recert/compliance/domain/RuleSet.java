package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recertification rules of one credential, loaded from its rule file; a new credential is a new file.
 *
 * @param pointName             what the credential calls its points ("points", "CE credits")
 * @param cycleEndsAtMonthEnd   true: the cycle runs to the end of the calendar month, {@code cycleMonths} after
 *                              the month of certification; false: to the same day {@code cycleMonths} later
 * @param categoryMinimums      minimum points per category (absent: none)
 * @param approvedMinimum       minimum points approved by {@code approvingBody}; null when the credential has none
 * @param minimumContactMinutes activity not approved by {@code approvingBody} (any activity, when there is no
 *                              approving body) counts only if it lasts this long; null: no minimum
 * @param graceDays             days after the due date during which one may still recertify by continuing education
 * @param atRiskDays            default at-risk window before the due date
 * @param units                 accepted units; a unit absent here is not accepted
 * @param excludedActivities    activity types that do not count, with the reason shown to the learner
 */
public record RuleSet(
        String code,
        String name,
        String issuer,
        String version,
        String pointName,
        int cycleMonths,
        boolean cycleEndsAtMonthEnd,
        BigDecimal totalPoints,
        Map<Category, BigDecimal> categoryMinimums,
        BigDecimal approvedMinimum,
        Approval approvingBody,
        Integer minimumContactMinutes,
        int graceDays,
        int atRiskDays,
        Map<CreditUnit, UnitRule> units,
        Map<ActivityType, String> excludedActivities,
        List<String> notes) {

    public RuleSet {
        require(code != null && code.matches("[A-Z][A-Z0-9_]*"), "code must be upper-case letters, digits and _");
        require(name != null && !name.isBlank(), "name is required");
        require(issuer != null && !issuer.isBlank(), "issuer is required");
        require(version != null && !version.isBlank(), "version is required");
        pointName = pointName == null || pointName.isBlank() ? "points" : pointName;
        require(cycleMonths > 0, "cycleMonths must be positive");
        require(totalPoints != null && totalPoints.signum() > 0, "totalPoints must be positive");
        require(graceDays >= 0, "graceDays cannot be negative");
        require(atRiskDays >= 0, "atRiskDays cannot be negative");
        require(minimumContactMinutes == null || minimumContactMinutes > 0, "minimumContactMinutes must be positive");
        totalPoints = Points.normalize(totalPoints);
        categoryMinimums = copyMinimums(categoryMinimums);
        if (approvedMinimum != null) {
            require(approvingBody != null, "approvedMinimum needs an approvingBody");
            require(approvedMinimum.signum() > 0 && approvedMinimum.compareTo(totalPoints) <= 0,
                    "approvedMinimum must be positive and at most totalPoints");
            approvedMinimum = Points.normalize(approvedMinimum);
        }
        require(units != null && !units.isEmpty(), "at least one unit must be accepted");
        units = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(units)));
        units.values().forEach(rule -> require(rule != null, "a unit rule is missing"));
        EnumMap<ActivityType, String> excluded = new EnumMap<>(ActivityType.class);
        if (excludedActivities != null) {
            excludedActivities.forEach((type, reason) -> {
                require(reason != null && !reason.isBlank(), "excluded activity " + type + " needs a reason");
                excluded.put(type, reason);
            });
        }
        excludedActivities = Collections.unmodifiableMap(excluded);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The rule for a unit, empty when the unit is not accepted. */
    public Optional<UnitRule> unit(CreditUnit unit) {
        return Optional.ofNullable(units.get(unit));
    }

    /** The minimum for a category, zero when there is none. */
    public BigDecimal minimum(Category category) {
        return categoryMinimums.getOrDefault(category, BigDecimal.ZERO);
    }

    /** Most points from activity not approved by the approving body that can count: total less approved minimum. */
    public Optional<BigDecimal> nonApprovedCap() {
        return Optional.ofNullable(approvedMinimum).map(min -> Points.normalize(totalPoints.subtract(min)));
    }

    private static Map<Category, BigDecimal> copyMinimums(Map<Category, BigDecimal> minimums) {
        EnumMap<Category, BigDecimal> copy = new EnumMap<>(Category.class);
        if (minimums != null) {
            minimums.forEach((category, minimum) -> {
                require(minimum != null && minimum.signum() >= 0, "minimum for " + category + " must not be negative");
                if (minimum.signum() > 0) {
                    copy.put(category, Points.normalize(minimum));
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRuleSetException(message);
        }
    }
}
