package org.recert.notifications.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A learner's current status in one credential, as this service projects it from compliance.status.v1.
 *
 * @param missing the unmet requirements; empty when all are met
 */
public record StatusSnapshot(String learnerId, String credential, String credentialName, String status, LocalDate cycleStart,
        LocalDate dueDate, LocalDate graceEnd, LocalDate applyBy, boolean requirementsMet, List<Missing> missing, LocalDate asOf) {

    public StatusSnapshot {
        missing = List.copyOf(missing);
    }

    public LocalDate actBy() {
        return ReminderRules.actBy(applyBy, dueDate);
    }
}
