package org.recert.notifications.events;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.recert.contracts.EventContract;
import org.recert.contracts.RosterEvent;
import org.recert.contracts.Topics;
import org.recert.notifications.digest.EmployerRosters;
import org.recert.platform.events.EventHandler;
import org.recert.platform.events.IncomingEvent;

/**
 * Projects compliance.roster.v1 for the employer digest. The contract's one parser holds the event to
 * docs/events/compliance.roster.v1.schema.json; a malformed event fails there and, after the consumer's retries, goes to
 * the dead-letter topic.
 */
@ApplicationScoped
public class ComplianceRosterHandler implements EventHandler {

    private final EmployerRosters rosters;

    public ComplianceRosterHandler(EmployerRosters rosters) {
        this.rosters = rosters;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.COMPLIANCE_ROSTER);
    }

    @Override
    public void handle(IncomingEvent event) {
        rosters.changed(EventContract.COMPLIANCE_ROSTER.read(event.data()));
    }
}
