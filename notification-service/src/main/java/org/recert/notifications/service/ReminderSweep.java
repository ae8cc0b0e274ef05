package org.recert.notifications.service;

import static org.recert.notifications.store.SqlDates.of;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.recert.notifications.domain.StatusSnapshot;
import org.recert.notifications.store.MissingColumn;
import org.recert.notifications.store.PassLocks;

/**
 * Finds the reminders that only the passing of days makes due. One replica at a time: the pass holds a PostgreSQL
 * advisory lock for its transaction, and a replica that cannot take it skips this round.
 */
@ApplicationScoped
public class ReminderSweep {

    /** The advisory lock's key: any constant no other pass of this database uses. */
    public static final long LOCK_KEY = 0x5245_4D49_4E44L;

    private final EntityManager entityManager;
    private final Reminders reminders;
    private final Clock clock;
    private final PassLocks locks;

    public ReminderSweep(EntityManager entityManager, Reminders reminders, Clock clock, PassLocks locks) {
        this.locks = locks;
        this.entityManager = entityManager;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(identity = "reminder-sweep", every = "${recert.notifications.sweep.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        sweep();
    }

    /** Records every scheduled reminder due today; the number of new ones, or -1 when another replica holds the pass. */
    @Transactional
    public int sweep() {
        if (!locks.tryHold(LOCK_KEY)) {
            return -1;
        }
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select learner_id, credential, status, cycle_start, due_date, grace_end, apply_by, requirements_met, missing_codes, as_of,
                       credential_name
                from learner_status
                where not requirements_met and status in ('ON_TRACK', 'AT_RISK') and cycle_start is not null
                  and coalesce(apply_by, due_date) >= ?1
                order by learner_id, credential""")
                .setParameter(1, today)
                .getResultList();
        int recorded = 0;
        for (Object[] row : rows) {
            StatusSnapshot status = new StatusSnapshot((String) row[0], (String) row[1], (String) row[10], (String) row[2], of(row[3]),
                    of(row[4]), of(row[5]), of(row[6]), (Boolean) row[7], MissingColumn.read((String) row[8]), of(row[9]));
            if (reminders.scheduledReminder(status, today)) {
                recorded++;
            }
        }
        return recorded;
    }
}
