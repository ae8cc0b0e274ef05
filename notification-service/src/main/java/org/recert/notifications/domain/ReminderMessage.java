package org.recert.notifications.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The words of one reminder (English; the templates wrap them for mail). */
public record ReminderMessage(String subject, String body) {

    public static ReminderMessage compose(String kind, StatusSnapshot status, LocalDate today) {
        String name = status.credentialName() == null ? status.credential() : status.credentialName();
        String missing = status.missing().isEmpty() ? "" : " Still missing: " + String.join("; ", status.missing().split("\n")) + ".";
        if (ReminderRules.isScheduled(kind)) {
            long daysLeft = ChronoUnit.DAYS.between(today, status.actBy());
            return new ReminderMessage("%s: %d days left to recertify".formatted(name, daysLeft),
                    "You must act by %s to keep your %s.%s".formatted(status.actBy(), name, missing));
        }
        return switch (kind) {
            case "AT_RISK" -> new ReminderMessage("%s: your certification is at risk".formatted(name),
                    "Your %s is due on %s and its requirements are not met yet.%s".formatted(name, status.dueDate(), missing));
            case "GRACE" -> new ReminderMessage("%s is past due: last day %s".formatted(name, status.graceEnd()),
                    "Your %s was due on %s. You may still recertify by continuing education until %s, your last day.%s"
                            .formatted(name, status.dueDate(), status.graceEnd(), missing));
            case "LAPSED" -> new ReminderMessage("%s has lapsed".formatted(name),
                    "Your %s lapsed after its grace period ended on %s. To be certified again you must retake the exam."
                            .formatted(name, status.graceEnd()));
            case "COMPLIANT" -> new ReminderMessage("%s: congratulations, you meet the requirements".formatted(name),
                    "You meet every requirement of your %s. Apply for recertification by %s.".formatted(name, status.actBy()));
            default -> throw new IllegalArgumentException("no message for reminder kind " + kind);
        };
    }
}
