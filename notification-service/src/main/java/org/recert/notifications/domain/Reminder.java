package org.recert.notifications.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What one reminder says, in no language yet: its kind (DUE_&lt;days&gt; or the status it reports), the credential, the
 * dates, the day it was decided and what is missing. Worded per learner by the message bundles when shown or mailed.
 */
public record Reminder(String kind, String credential, String credentialName, LocalDate actBy, LocalDate dueDate,
        LocalDate graceEnd, LocalDate decidedOn, List<Missing> missing) {

    public Reminder {
        missing = List.copyOf(missing);
    }

    public static Reminder of(String kind, StatusSnapshot status, LocalDate today) {
        return new Reminder(kind, status.credential(), status.credentialName(), status.actBy(), status.dueDate(), status.graceEnd(),
                today, status.missing());
    }

    /**
     * The same reminder with what is missing as the learner's current standing in the same cycle says: a reminder is
     * read after it was decided (the feed, a mail held back), and credit recorded since then has changed what is missing.
     * A congratulation or a lapse says what it said: the first had nothing missing, the second no longer asks for credit.
     */
    public Reminder standingNow(List<Missing> now) {
        boolean reportsMissing = ReminderRules.isScheduled(kind) || "AT_RISK".equals(kind) || "GRACE".equals(kind);
        return reportsMissing ? new Reminder(kind, credential, credentialName, actBy, dueDate, graceEnd, decidedOn, now) : this;
    }

    /** The credential's name where the event gave one, else its code. */
    public String name() {
        return credentialName == null ? credential : credentialName;
    }

    /**
     * Days from {@code today}, the day the reminder is read (mailed or shown), to the act-by date: a mail held back by a
     * refused address or a retry says how many days are left when it goes, not when it was decided.
     */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, actBy);
    }
}
