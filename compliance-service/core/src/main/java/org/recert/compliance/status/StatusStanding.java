package org.recert.compliance.status;

import org.recert.compliance.domain.Requirement;

/**
 * The part of an evaluation that says what the learner must still do and by when (not the day it was made, nor the
 * credits behind it), as one text stored beside the status: two evaluations with the same text tell the learner the
 * same thing, so a re-evaluation that leaves it (and the status) as it was publishes nothing. A requirement already met
 * is in it by its code alone: more points toward it tell the learner nothing new (the reminders name unmet
 * requirements only), and publishing them cost a status event per credit for every learner past the bar.
 */
final class StatusStanding {

    private StatusStanding() {
    }

    static String of(StatusView view) {
        StringBuilder text = new StringBuilder(160).append(view.cycleStart()).append('|').append(view.dueDate()).append('|')
                .append(view.graceEnd()).append('|').append(view.applyBy()).append('|').append(view.requirementsMet());
        for (Requirement requirement : view.requirements()) {
            text.append('|').append(requirement.code());
            if (!requirement.met()) {
                text.append(':').append(requirement.required().toPlainString()).append(':')
                        .append(requirement.earned().toPlainString()).append(':').append(requirement.shortfall().toPlainString());
            }
        }
        return text.toString();
    }
}
