package org.recert.compliance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.recert.compliance.status.LearnerStatusChanged;

/** Observes the CDI event the employers' features build on, as they would. */
@ApplicationScoped
public class RecordedStatusChanges {

    private final List<LearnerStatusChanged> seen = new CopyOnWriteArrayList<>();

    void onChange(@Observes LearnerStatusChanged change) {
        seen.add(change);
    }

    public List<LearnerStatusChanged> of(String learnerId) {
        return seen.stream().filter(c -> c.learnerId().equals(learnerId)).toList();
    }
}
