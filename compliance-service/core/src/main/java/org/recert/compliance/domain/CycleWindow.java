package org.recert.compliance.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The dates of one certification cycle. Credits completed from {@code cycleStart} through the due date count; those
 * completed after it, within the grace period, count only where the rule set says so
 * ({@link RuleSet#creditsAfterDueDateCount()}).
 *
 * @param cycleStart date of certification or last recertification
 * @param dueDate    last day of the cycle
 * @param graceEnd   last day on which one may still recertify by continuing education
 */
public record CycleWindow(LocalDate cycleStart, LocalDate dueDate, LocalDate graceEnd) {

    public CycleWindow {
        Objects.requireNonNull(cycleStart, "cycleStart");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(graceEnd, "graceEnd");
        if (dueDate.isBefore(cycleStart) || graceEnd.isBefore(dueDate)) {
            throw new IllegalArgumentException("a cycle needs cycleStart <= dueDate <= graceEnd");
        }
    }

    /**
     * The cycle that starts on a certification date. CMA (AAMA): current for 60 months from the end of the
     * calendar month of certification, so 2022-02-10 is due 2027-02-28 (and 2019-02-15 is due 2024-02-29).
     */
    public static CycleWindow of(RuleSet rules, LocalDate certifiedOn) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(certifiedOn, "certifiedOn");
        LocalDate due = dueDate(rules, certifiedOn);
        LocalDate graceEnd = due.plusDays(rules.graceDays());
        if (rules.graceEndsBy() != null && graceEnd.isAfter(rules.graceEndsBy())) {
            graceEnd = rules.graceEndsBy().isBefore(due) ? due : rules.graceEndsBy();
        }
        return new CycleWindow(certifiedOn, due, graceEnd);
    }

    /** The due date of the cycle that starts on a certification date. */
    public static LocalDate dueDate(RuleSet rules, LocalDate certifiedOn) {
        return rules.cycleEndsAtMonthEnd()
                ? YearMonth.from(certifiedOn).plusMonths(rules.cycleMonths()).atEndOfMonth()
                : certifiedOn.plusMonths(rules.cycleMonths());
    }

    /** True when a credit completed on this day belongs to the cycle (grace period included). */
    public boolean includes(LocalDate day) {
        return !day.isBefore(cycleStart) && !day.isAfter(graceEnd);
    }
}
