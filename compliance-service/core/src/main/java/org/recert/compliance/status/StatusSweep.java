package org.recert.compliance.status;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.recert.compliance.service.Evaluations;
import org.recert.compliance.store.LearnerStatusEntity;

/**
 * Time moves statuses too (on track, at risk, grace, lapsed): once a day, re-evaluates exactly the stored statuses whose
 * {@code next_change_on} has come. One replica at a time: the sweep runs under a PostgreSQL advisory lock, and a
 * replica that does not get it leaves the work to the one that did.
 */
@ApplicationScoped
public class StatusSweep {

    /** The advisory lock key of the sweep ("recert-sweep" in ASCII, so that no other lock of this database collides). */
    static final long LOCK_KEY = 0x7265636572747377L;

    private static final Logger LOG = Logger.getLogger(StatusSweep.class);
    private static final int BATCH = 200;
    private static final int LOCK_HOLD_SECONDS = 6 * 3600;

    private final EntityManager entityManager;
    private final LearnerStatusService statuses;
    private final Evaluations evaluations;
    private final ProjectionTrust trust;

    public StatusSweep(EntityManager entityManager, LearnerStatusService statuses, Evaluations evaluations, ProjectionTrust trust) {
        this.trust = trust;
        this.entityManager = entityManager;
        this.statuses = statuses;
        this.evaluations = evaluations;
    }

    /** What one sweep did. */
    @Schema(name = "SweepResult", example = "{\"day\":\"2026-09-01\",\"ran\":true,\"evaluated\":42,\"changed\":7}")
    public record SweepResult(LocalDate day, boolean ran, int evaluated, int changed) {
    }

    @Scheduled(identity = "compliance-status-sweep", cron = "${recert.compliance.sweep.cron:0 15 0 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sweep();
    }

    /**
     * Re-evaluates every stored status that time alone may have changed by today. The advisory lock is held by an outer
     * transaction for the whole sweep; the learners are evaluated in batches, each committed on its own, so that a long
     * sweep neither holds one huge transaction nor loses its work to one failure.
     */
    public SweepResult sweep() {
        LocalDate today = evaluations.today();
        return QuarkusTransaction.requiringNew().timeout(LOCK_HOLD_SECONDS).call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                LOG.info("status sweep: another replica is sweeping");
                return new SweepResult(today, false, 0, 0);
            }
            if (!trust.trusted()) {
                // the rebuild that completes evaluates every certified learner; nothing is published from a partial projection
                LOG.warn("status sweep held: the credits projection is being rebuilt or its last rebuild failed");
                return new SweepResult(today, false, 0, 0);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> due = entityManager.createNativeQuery("""
                    select learner_id, credential from learner_status
                    where next_change_on <= ?1 order by learner_id, credential""")
                    .setParameter(1, today).getResultList();
            int changed = 0;
            for (int from = 0; from < due.size(); from += BATCH) {
                List<Object[]> batch = due.subList(from, Math.min(due.size(), from + BATCH));
                try {
                    changed += sweepBatch(batch);
                } catch (RuntimeException e) {
                    // the next sweep retries these rows: their next_change_on has not moved
                    LOG.errorf(e, "status sweep of %s: a batch of %d statuses failed", today, batch.size());
                }
            }
            LOG.infof("status sweep of %s: %d statuses due, %d changed", today, due.size(), changed);
            return new SweepResult(today, true, due.size(), changed);
        });
    }

    /** Re-evaluates some stored statuses in a transaction of their own; returns how many changed. */
    private int sweepBatch(List<Object[]> batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int changed = 0;
            for (Object[] row : batch) {
                String learner = (String) row[0];
                String credential = (String) row[1];
                LearnerStatusEntity stored = entityManager.find(LearnerStatusEntity.class, new LearnerStatusEntity.Key(learner, credential));
                String before = stored == null ? null : stored.status;
                String after = statuses.refresh(learner, credential).map(status -> status.status).orElse(before);
                if (before != null && !before.equals(after)) {
                    changed++;
                }
            }
            return changed;
        });
    }
}
