package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Approval;
import org.recert.contracts.ActivityType;

/**
 * The recertification rules of one credential in one dated version, loaded from its rule file; a new credential is a
 * new file, a change of policy a new version in it (see {@link Credential}). Every rule carries its {@link Citation}.
 *
 * @param version               the version's name, e.g. "2020-01-01"
 * @param effectiveFrom         first due date this version governs; null for a file without versions
 * @param graceEndsBy           the grace period ends on this day at the latest (a transition to a later version's rule)
 * @param pointName             what the credential calls its points ("points", "CE credits")
 * @param cycleEndsAtMonthEnd   true: the cycle runs to the end of the calendar month, {@code cycleMonths} after
 *                              the month of certification; false: to the same day {@code cycleMonths} later
 * @param categoryMinimums      minimum points per category (absent: none)
 * @param approvedMinimum       minimum points approved by {@code approvingBody}; null when the credential has none
 * @param minimumContactMinutes activity not approved by {@code approvingBody} (any activity, when there is no
 *                              approving body) counts only if it lasts this long; null: no minimum
 * @param graceDays             days after the due date during which one may still recertify by continuing education
 * @param creditsAfterDueDateCount true when credit completed after the due date, within the grace period, counts
 * @param atRiskDays            default at-risk window before the last day to apply
 * @param units                 accepted units; a unit absent here is not accepted
 * @param requiredUnits         units of which a cycle needs at least this many (the CMA (AAMA) before 2013-06-01: a CPR card)
 * @param excludedActivities    activity types that do not count, with the reason shown to the learner
 * @param processing            how long an application takes to process, which sets the last day to apply
 * @param contact               whom a learner asks about what the rules leave open
 * @param applicationNote       what the learner pays or prepares to apply (the fee model), in words; null: nothing known
 * @param citations             the source of every rule, by rule key (see {@link #ruleKeys()})
 */
public record RuleSet(
        String code,
        String name,
        String issuer,
        String version,
        LocalDate effectiveFrom,
        String pointName,
        int cycleMonths,
        boolean cycleEndsAtMonthEnd,
        BigDecimal totalPoints,
        Map<Category, BigDecimal> categoryMinimums,
        BigDecimal approvedMinimum,
        Approval approvingBody,
        Integer minimumContactMinutes,
        int graceDays,
        LocalDate graceEndsBy,
        boolean creditsAfterDueDateCount,
        int atRiskDays,
        Map<CreditUnit, UnitRule> units,
        Map<CreditUnit, Integer> requiredUnits,
        Map<ActivityType, ActivityExclusion> excludedActivities,
        ApplicationProcessing processing,
        String contact,
        String applicationNote,
        Map<String, Citation> citations,
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
        EnumMap<ActivityType, ActivityExclusion> excluded = new EnumMap<>(ActivityType.class);
        if (excludedActivities != null) {
            excludedActivities.forEach((type, exclusion) -> {
                require(exclusion != null, "excluded activity " + type + " needs a reason");
                excluded.put(type, exclusion);
            });
        }
        excludedActivities = Collections.unmodifiableMap(excluded);
        EnumMap<CreditUnit, Integer> required = new EnumMap<>(CreditUnit.class);
        if (requiredUnits != null) {
            for (Map.Entry<CreditUnit, Integer> entry : requiredUnits.entrySet()) {
                Integer count = entry.getValue();
                require(count != null && count > 0 && count <= 100, "required " + entry.getKey() + " must be between 1 and 100");
                require(units.containsKey(entry.getKey()), "required unit " + entry.getKey() + " must be an accepted unit");
                RequirementCode.of(entry.getKey());
                required.put(entry.getKey(), count);
            }
        }
        requiredUnits = Collections.unmodifiableMap(required);
        processing = processing == null ? ApplicationProcessing.INSTANT : processing;
        contact = contact == null || contact.isBlank() ? issuer : contact;
        citations = citations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(citations));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * The keys of the rules this version states, each of which a shipped rule file must cite: {@code cycle},
     * {@code totalPoints}, {@code grace}, {@code creditsAfterDueDate}, {@code processing}, and where present
     * {@code categoryMinimums}, {@code approvedMinimum}, {@code minimumContactMinutes}, {@code units.<UNIT>},
     * {@code requiredUnits.<UNIT>}, {@code excludedActivities.<TYPE>}.
     */
    public List<String> ruleKeys() {
        List<String> keys = new ArrayList<>(List.of("cycle", "totalPoints"));
        if (!categoryMinimums.isEmpty()) {
            keys.add("categoryMinimums");
        }
        if (approvedMinimum != null) {
            keys.add("approvedMinimum");
        }
        if (minimumContactMinutes != null) {
            keys.add("minimumContactMinutes");
        }
        keys.addAll(List.of("grace", "creditsAfterDueDate", "processing"));
        units.keySet().forEach(unit -> keys.add("units." + unit));
        requiredUnits.keySet().forEach(unit -> keys.add("requiredUnits." + unit));
        excludedActivities.keySet().forEach(type -> keys.add("excludedActivities." + type));
        return List.copyOf(keys);
    }

    /** The reason activity of a type completed on a day does not count; empty when it may count. */
    public Optional<String> exclusionOf(ActivityType type, LocalDate completedOn) {
        ActivityExclusion exclusion = excludedActivities.get(type);
        return exclusion != null && exclusion.covers(completedOn) ? Optional.of(exclusion.reason()) : Optional.empty();
    }

    /** The last day to apply for a cycle due on a day: the due date less the slowest processing the credit needs. */
    public LocalDate applyBy(LocalDate dueDate, boolean allCountedApproved) {
        boolean fast = approvingBody != null && allCountedApproved;
        return dueDate.minusDays(fast ? processing.allApprovedDays() : processing.otherDays());
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
