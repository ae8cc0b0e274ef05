package org.recert.compliance.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.recert.compliance.domain.Credential;
import org.recert.compliance.domain.CycleWindow;
import org.recert.compliance.status.LearnerStatusService;
import org.recert.compliance.store.CertificationEntity;
import org.recert.compliance.store.TransactionLocks;
import org.recert.platform.problem.ProblemException;

/** Certifications and their cycles: a new date starts a new cycle, the previous one stays in the history. */
@ApplicationScoped
@Transactional
public class CertificationService {

    private final EntityManager entityManager;
    private final Evaluations evaluations;
    private final LearnerStatusService statuses;
    private final TransactionLocks locks;
    private final Clock clock;

    public CertificationService(EntityManager entityManager, Evaluations evaluations, LearnerStatusService statuses,
            TransactionLocks locks, Clock clock) {
        this.entityManager = entityManager;
        this.evaluations = evaluations;
        this.statuses = statuses;
        this.locks = locks;
        this.clock = clock;
    }

    /** The outcome of recording a certification date. */
    public record Recorded(CertificationView certification, boolean newCycle) {
    }

    /**
     * Records the date of certification or last recertification. The same date again changes nothing; a new date
     * supersedes the current cycle, which is kept in the history.
     */
    public Recorded certify(String learnerId, Credential rules, LocalDate certifiedOn, String recordedBy) {
        requireCertificationDate(certifiedOn);
        // a first certification has no row to lock: racing requests queue here, and the later ones see the first's row
        locks.hold("certification", learnerId + "/" + rules.code());
        Optional<CertificationEntity> current = evaluations.currentCertification(learnerId, rules.code(), true);
        if (current.isPresent() && current.get().certifiedOn.equals(certifiedOn)) {
            return new Recorded(CertificationView.of(current.get()), false);
        }
        Instant now = clock.instant();
        current.ifPresent(previous -> {
            previous.supersededAt = now;
            // the partial unique index allows one current row: retire the old one before the new one is inserted
            entityManager.flush();
        });
        CycleWindow window = CycleWindow.of(rules.versionFor(certifiedOn), certifiedOn);
        CertificationEntity certification = new CertificationEntity();
        certification.learnerId = learnerId;
        certification.credential = rules.code();
        certification.certifiedOn = certifiedOn;
        certification.cycleStart = window.cycleStart();
        certification.dueDate = window.dueDate();
        certification.graceEnd = window.graceEnd();
        certification.recordedAt = now;
        certification.recordedBy = recordedBy;
        certification.selfReported = learnerId.equals(recordedBy);
        entityManager.persist(certification);
        entityManager.flush();
        statuses.refresh(learnerId, rules.code());
        return new Recorded(CertificationView.of(certification), true);
    }

    /** Every cycle recorded for the learner in a credential, newest first; the first is current. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CertificationView> history(String learnerId, String credential) {
        return entityManager.createQuery("""
                from CertificationEntity where learnerId = :learner and credential = :credential order by id desc""",
                CertificationEntity.class).setParameter("learner", learnerId).setParameter("credential", credential)
                .getResultList().stream().map(CertificationView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CertificationView> current(String learnerId) {
        return entityManager.createQuery("""
                from CertificationEntity where learnerId = :learner and supersededAt is null order by credential""",
                CertificationEntity.class).setParameter("learner", learnerId).getResultList().stream().map(CertificationView::of).toList();
    }

    /** Throws 404 when the learner has no certification in the credential. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CertificationView> requireHistory(String learnerId, String credential) {
        List<CertificationView> history = history(learnerId, credential);
        if (history.isEmpty()) {
            throw ProblemException.notFound("certification of " + learnerId + " in " + credential);
        }
        return history;
    }

    /** A certification is recorded on a day that has happened, not before the earliest day accepted. */
    private void requireCertificationDate(LocalDate day) {
        if (day == null) {
            throw ProblemException.invalid("certifiedOn", "is required");
        }
        LocalDate today = evaluations.today();
        if (day.isAfter(today)) {
            throw ProblemException.invalid("certifiedOn", "cannot be in the future (today is " + today + ")");
        }
        if (day.isBefore(evaluations.earliestDay())) {
            throw ProblemException.invalid("certifiedOn", "cannot be before " + evaluations.earliestDay());
        }
    }
}
