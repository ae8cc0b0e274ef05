package org.recert.compliance.employers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.recert.contracts.ComplianceStatus;
import org.recert.compliance.domain.Requirement;
import org.recert.compliance.domain.RequirementCode;
import org.recert.compliance.status.LearnerStatusChanged;
import org.recert.compliance.status.StatusView;

/**
 * Puts a learner in any status at once, as the compliance core would store it: the learner_status row and
 * the core's {@link LearnerStatusChanged} event in one transaction. For statuses that real credits would take
 * long to reach (GRACE, LAPSED...); the end-to-end test goes through credits.ledger.v1 instead.
 */
@ApplicationScoped
public class LearnerStatusDriver {

    private static final BigDecimal REQUIRED = BigDecimal.valueOf(60);

    private final EntityManager entityManager;
    private final Event<LearnerStatusChanged> changes;

    public LearnerStatusDriver(EntityManager entityManager, Event<LearnerStatusChanged> changes) {
        this.entityManager = entityManager;
        this.changes = changes;
    }

    public void set(String learnerId, String credential, String status, LocalDate cycleStart, LocalDate dueDate, BigDecimal shortfall) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StatusView view = new StatusView(learnerId, credential, credential, "test", today, ComplianceStatus.valueOf(status), cycleStart,
                cycleStart, dueDate, dueDate.plusDays(90), dueDate, (int) ChronoUnit.DAYS.between(today, dueDate), shortfall.signum() == 0,
                List.of(new Requirement(RequirementCode.TOTAL, REQUIRED, REQUIRED.subtract(shortfall), shortfall)),
                List.of(), List.of(), List.of(), null);
        QuarkusTransaction.requiringNew().run(() -> {
            Object old = entityManager.createNativeQuery("select status from learner_status where learner_id = ?1 and credential = ?2")
                    .setParameter(1, learnerId).setParameter(2, credential).getResultStream().findFirst().orElse(null);
            entityManager.createNativeQuery("""
                    insert into learner_status (learner_id, credential, status, certified_on, cycle_start, due_date, grace_end,
                        requirements_met, total_shortfall, evaluation, evaluated_on, evaluated_at, status_since)
                    values (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, cast('{}' as jsonb), ?9, now(), now())
                    on conflict (learner_id, credential) do update set status = excluded.status, cycle_start = excluded.cycle_start,
                        due_date = excluded.due_date, grace_end = excluded.grace_end, requirements_met = excluded.requirements_met,
                        total_shortfall = excluded.total_shortfall, evaluated_on = excluded.evaluated_on, evaluated_at = now()""")
                    .setParameter(1, learnerId).setParameter(2, credential).setParameter(3, status)
                    .setParameter(4, cycleStart).setParameter(5, dueDate).setParameter(6, dueDate.plusDays(90))
                    .setParameter(7, shortfall.signum() == 0).setParameter(8, shortfall).setParameter(9, today)
                    .executeUpdate();
            if (!status.equals(old)) {
                changes.fire(new LearnerStatusChanged(learnerId, credential,
                        old == null ? ComplianceStatus.NO_CERTIFICATION : ComplianceStatus.valueOf((String) old),
                        ComplianceStatus.valueOf(status), view, org.recert.compliance.status.Provenance.of(view, false)));
            }
        });
    }
}
