package org.recert.notifications.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.recert.notifications.store.PassLocks;

/**
 * Decides each ISO week's employer digests: an organization that opted in and has a member to report gets this week's
 * row in {@code digest_mail}, whose unique key makes it once per week under retries, restarts and replicas; the digest
 * worker mails it. One replica at a time, like the reminder sweep. A week with nobody to report decides nothing, so a
 * member who falls behind later that week is reported by a later pass of the same week.
 */
@ApplicationScoped
public class DigestPass {

    /** The advisory lock's key: any constant no other pass of this database uses ("DIGEST"). */
    public static final long LOCK_KEY = 0x4449_4745_5354L;

    private final EntityManager entityManager;
    private final PassLocks locks;
    private final Clock clock;

    public DigestPass(EntityManager entityManager, PassLocks locks, Clock clock) {
        this.entityManager = entityManager;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(identity = "employer-digest", every = "${recert.notifications.digest.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        decide();
    }

    /** Decides this week's digest of every organization due one; the number decided, or -1 when another replica holds the pass. */
    @Transactional
    public int decide() {
        if (!locks.tryHold(LOCK_KEY)) {
            return -1;
        }
        Instant now = clock.instant();
        String week = IsoWeek.of(LocalDate.now(clock)).toString();
        return entityManager.createNativeQuery("""
                insert into digest_mail (organization_id, iso_week, state, next_attempt_at, created_at)
                select d.organization_id, ?1, 'PENDING', ?2, ?2
                from employer_digest d
                where d.enabled and exists (select 1 from employer_roster r join learner_status s on s.learner_id = r.learner_id
                                            where r.organization_id = d.organization_id and %s)
                on conflict (organization_id, iso_week) do nothing""".formatted(FlaggedMembers.REPORTED))
                .setParameter(1, week).setParameter(2, now).executeUpdate();
    }
}
