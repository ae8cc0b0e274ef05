package org.recert.notifications.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What deserves a reminder: plain rules, no framework. */
public final class ReminderRules {

    /** Status changes a learner is told about, each with its own message. */
    public static final Set<String> NOTABLE_STATUSES = Set.of("AT_RISK", "GRACE", "LAPSED", "COMPLIANT");
    /** Statuses in which the schedule counted back from the act-by date runs. */
    private static final Set<String> SCHEDULED_STATUSES = Set.of("ON_TRACK", "AT_RISK");
    private static final String DUE_PREFIX = "DUE_";

    private ReminderRules() {
    }

    /** The reminder a change from {@code oldStatus} to {@code newStatus} calls for, if any. */
    public static Optional<String> statusChangeKind(String oldStatus, String newStatus) {
        if (newStatus.equals(oldStatus) || !NOTABLE_STATUSES.contains(newStatus)) {
            return Optional.empty();
        }
        return Optional.of(newStatus);
    }

    /** The date a learner must act by: the apply-by date where the status gives one, otherwise the due date. */
    public static LocalDate actBy(LocalDate applyBy, LocalDate dueDate) {
        return applyBy != null ? applyBy : dueDate;
    }

    /**
     * The scheduled reminder due on {@code today}: the smallest offset that {@code today} has reached, so a learner
     * who joins 20 days before the date hears once (the 30-day one), not every missed offset at once. Empty when the
     * requirements are met, the status is outside the schedule or the act-by date has passed.
     */
    public static Optional<String> scheduledKind(String status, boolean requirementsMet, LocalDate actBy, LocalDate today,
            List<Integer> offsets) {
        if (requirementsMet || actBy == null || !SCHEDULED_STATUSES.contains(status)) {
            return Optional.empty();
        }
        long daysLeft = ChronoUnit.DAYS.between(today, actBy);
        if (daysLeft < 0) {
            return Optional.empty();
        }
        return offsets.stream().filter(offset -> offset >= daysLeft).min(Integer::compare).map(offset -> DUE_PREFIX + offset);
    }

    /** The days before the act-by date of a scheduled reminder: 30 for DUE_30. */
    public static int offsetOf(String kind) {
        return Integer.parseInt(kind.substring(DUE_PREFIX.length()));
    }

    public static boolean isScheduled(String kind) {
        return kind.startsWith(DUE_PREFIX);
    }
}
