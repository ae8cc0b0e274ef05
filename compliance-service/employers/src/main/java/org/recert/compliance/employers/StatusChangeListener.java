package org.recert.compliance.employers;

import java.math.BigDecimal;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.recert.compliance.domain.Requirement;
import org.recert.compliance.domain.RequirementCode;
import org.recert.compliance.status.LearnerStatusChanged;
import org.recert.compliance.status.StatusView;

/**
 * Hears the core's status changes inside their transaction and hands them to the employers' feed, reduced to
 * what an employer may see: the webhook rows commit with the change, or not at all.
 */
@ApplicationScoped
public class StatusChangeListener {

    private final StatusFeed feed;
    private final Clock clock;

    public StatusChangeListener(StatusFeed feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
    }

    void onStatusChanged(@Observes LearnerStatusChanged change) {
        StatusView view = change.evaluation();
        BigDecimal shortfall = view.requirements().stream().filter(r -> r.code() == RequirementCode.TOTAL)
                .map(Requirement::shortfall).findFirst().orElse(null);
        feed.statusChanged(new StatusChange(change.learnerId(), change.credential(), change.oldStatus().name(),
                change.newStatus().name(), view.cycleStart(), view.dueDate(), view.daysRemaining(), shortfall, clock.instant(),
                change.provenance()));
    }
}
