package org.recert.compliance.employers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Changes a learner's stored status the way the compliance core does: the learner_status row and the
 * change notification in one transaction.
 */
@ApplicationScoped
public class LearnerStatusDriver {

    private final EntityManager entityManager;
    private final StatusFeed feed;

    public LearnerStatusDriver(EntityManager entityManager, StatusFeed feed) {
        this.entityManager = entityManager;
        this.feed = feed;
    }

    public void set(String learnerId, String credential, String status, LocalDate cycleStart, LocalDate dueDate, BigDecimal shortfall) {
        QuarkusTransaction.requiringNew().run(() -> {
            Object old = entityManager.createNativeQuery("select status from learner_status where learner_id = ?1 and credential = ?2")
                    .setParameter(1, learnerId).setParameter(2, credential).getResultStream().findFirst().orElse(null);
            entityManager.createNativeQuery("""
                    insert into learner_status (learner_id, credential, status, cycle_start, due_date, total_shortfall, evaluation, evaluated_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, cast('{}' as jsonb), now())
                    on conflict (learner_id, credential) do update set status = excluded.status, cycle_start = excluded.cycle_start,
                        due_date = excluded.due_date, total_shortfall = excluded.total_shortfall, evaluated_at = now()""")
                    .setParameter(1, learnerId).setParameter(2, credential).setParameter(3, status)
                    .setParameter(4, cycleStart).setParameter(5, dueDate).setParameter(6, shortfall)
                    .executeUpdate();
            if (!status.equals(old)) {
                feed.statusChanged(new StatusChange(learnerId, credential, (String) old, status, cycleStart, dueDate,
                        dueDate == null ? null : (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(), dueDate),
                        shortfall, Instant.now()));
            }
        });
    }
}
