package org.recert.notifications.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.recert.contracts.EventContract;
import org.recert.contracts.StatusEvent;
import org.recert.contracts.Topics;
import org.recert.notifications.domain.Missing;
import org.recert.notifications.domain.StatusSnapshot;
import org.recert.notifications.service.Reminders;
import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;

/**
 * Projects compliance.status.v1 and decides the reminders a change calls for. The contract's one parser holds the event
 * to docs/events/compliance.status.v1.schema.json (fields it does not know are ignored, {@code evaluation.applyBy} is
 * optional); a malformed event fails there and, after the consumer's retries, goes to the dead-letter topic.
 */
@ApplicationScoped
public class ComplianceStatusHandler implements EventHandler {

    /** Points are put in words and kept: a number beyond any credential's needs is a broken event, not a sentence to write. */
    private static final BigDecimal MOST_POINTS = BigDecimal.valueOf(1_000_000);

    private final Reminders reminders;

    public ComplianceStatusHandler(Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.COMPLIANCE_STATUS);
    }

    @Override
    public void handle(IncomingEvent event) {
        StatusEvent status = EventContract.COMPLIANCE_STATUS.read(event.data());
        StatusEvent.Evaluation evaluation = status.evaluation();
        List<Missing> missing = new ArrayList<>();
        for (StatusEvent.Requirement requirement : evaluation.requirements()) {
            if (points(requirement.shortfall()).signum() > 0) {
                points(requirement.required());
                points(requirement.earned());
                missing.add(Missing.of(requirement));
            }
        }
        boolean met = evaluation.requirementsMet() != null ? evaluation.requirementsMet() : missing.isEmpty();
        StatusSnapshot snapshot = new StatusSnapshot(status.learnerId(), status.credential(), evaluation.credentialName(),
                status.newStatus().name(), evaluation.cycleStart(), evaluation.dueDate(), evaluation.graceEnd(), evaluation.applyBy(),
                met, missing, evaluation.asOf());
        reminders.statusChanged(status.oldStatus().name(), snapshot);
    }

    private static BigDecimal points(BigDecimal value) {
        if (value.scale() > 4 || value.abs().compareTo(MOST_POINTS) > 0) {
            throw new IllegalArgumentException("requirement points " + value + " are not a number of points");
        }
        return value;
    }
}
