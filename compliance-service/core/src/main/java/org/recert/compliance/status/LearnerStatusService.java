package org.recert.compliance.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;
import org.recert.contracts.ComplianceStatus;
import org.recert.compliance.domain.RequirementCode;
import org.recert.compliance.domain.Credential;
import org.recert.compliance.service.CreditFacts;
import org.recert.compliance.service.Evaluations;
import org.recert.compliance.service.RuleSets;
import org.recert.compliance.store.CertificationEntity;
import org.recert.compliance.store.LearnerStatusEntity;
import org.recert.contracts.StatusEvent;
import org.recert.contracts.Topics;
import org.recert.platform.events.Outbox;

/**
 * Keeps {@code learner_status} true: re-evaluates a certified learner as of today and stores the result. When the status
 * changes, in the same transaction, it publishes ComplianceStatusChanged on compliance.status.v1 through the outbox and
 * fires {@link LearnerStatusChanged} (the employers' webhooks). When only the learner's standing changes (what they
 * must still earn, or by when) it publishes the event with the same old and new status, so that a consumer's
 * projection (the reminders) never tells a learner a stale shortfall; the webhooks stay for status changes.
 */
@ApplicationScoped
@Transactional
public class LearnerStatusService {


    private static final Logger LOG = Logger.getLogger(LearnerStatusService.class);

    private final EntityManager entityManager;
    private final RuleSets ruleSets;
    private final Evaluations evaluations;
    private final CreditFacts facts;
    private final Outbox outbox;
    private final Event<LearnerStatusChanged> changes;
    private final MeterRegistry meters;
    private final ProjectionTrust trust;
    private final Clock clock;

    public LearnerStatusService(EntityManager entityManager, RuleSets ruleSets, Evaluations evaluations, CreditFacts facts,
            Outbox outbox, Event<LearnerStatusChanged> changes, MeterRegistry meters, ProjectionTrust trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
        this.entityManager = entityManager;
        this.ruleSets = ruleSets;
        this.evaluations = evaluations;
        this.facts = facts;
        this.outbox = outbox;
        this.changes = changes;
        this.meters = meters;
    }

    /** Re-evaluates every credential the learner is certified in. */
    public void refreshLearner(String learnerId) {
        for (String credential : evaluations.certifiedCredentials(learnerId)) {
            refresh(learnerId, credential);
        }
    }

    /**
     * Re-evaluates one credential as of today; empty when the learner holds no certification in it. While the projection
     * is not trusted (a rebuild runs or failed) the stored status is left as it is: the rebuild that completes evaluates
     * every certified learner.
     */
    public Optional<LearnerStatusEntity> refresh(String learnerId, String credential) {
        if (!trust.trusted()) {
            LOG.debugf("status of %s in %s held: the credits projection is being rebuilt or its rebuild failed", learnerId, credential);
            return Optional.ofNullable(entityManager.find(LearnerStatusEntity.class, new LearnerStatusEntity.Key(learnerId, credential)));
        }
        Credential rules = ruleSets.find(credential).orElse(null);
        if (rules == null) {
            LOG.warnf("stored status of %s names unknown credential %s; left as it is", learnerId, credential);
            return Optional.empty();
        }
        Optional<CertificationEntity> certification = evaluations.currentCertification(learnerId, credential, true);
        if (certification.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = evaluations.today();
        Evaluations.Evaluated evaluated = evaluations.evaluate(learnerId, rules, today, certification);
        StatusView view = evaluated.view();
        Instant now = clock.instant();
        LearnerStatusEntity row = entityManager.find(LearnerStatusEntity.class, new LearnerStatusEntity.Key(learnerId, credential));
        ComplianceStatus old = row == null ? ComplianceStatus.NO_CERTIFICATION : ComplianceStatus.valueOf(row.status);
        boolean created = row == null;
        String previousStanding = created ? null : row.standing;
        if (created) {
            row = new LearnerStatusEntity();
            row.learnerId = learnerId;
            row.credential = credential;
            row.statusSince = now;
        } else if (old != view.status()) {
            row.statusSince = now;
        }
        row.status = view.status().name();
        row.certifiedOn = view.certifiedOn();
        row.cycleStart = view.cycleStart();
        row.dueDate = view.dueDate();
        row.graceEnd = view.graceEnd();
        row.requirementsMet = view.requirementsMet();
        row.totalShortfall = evaluated.evaluation().requirement(RequirementCode.TOTAL).orElseThrow().shortfall();
        row.evaluation = facts.write(view);
        row.standing = StatusStanding.of(view);
        row.evaluatedOn = today;
        row.evaluatedAt = now;
        row.nextChangeOn = view.nextStatusChangeOn();
        Provenance provenance = Provenance.of(view, certification.get().selfReported);
        row.providerReportedPoints = provenance.providerReportedPoints();
        row.evidenceAttachedPoints = provenance.evidenceAttachedPoints();
        row.selfReportedPoints = provenance.selfReportedPoints();
        row.certificationSelfReported = provenance.certificationSelfReported();
        if (created) {
            entityManager.persist(row);
        }
        if (old != view.status()) {
            outbox.publish(Topics.COMPLIANCE_STATUS, learnerId, StatusEvent.CHANGED, StatusEvents.changed(learnerId, credential, old, view));
            changes.fire(new LearnerStatusChanged(learnerId, credential, old, view.status(), view, provenance));
            meters.counter("recert.compliance.status.changes", "credential", credential, "to", view.status().name()).increment();
            LOG.debugf("status of %s in %s: %s -> %s", learnerId, credential, old, view.status());
        } else if (!row.standing.equals(previousStanding)) {
            outbox.publish(Topics.COMPLIANCE_STATUS, learnerId, StatusEvent.CHANGED, StatusEvents.changed(learnerId, credential, old, view));
            LOG.debugf("standing of %s in %s changed, status still %s", learnerId, credential, old);
        }
        return Optional.of(row);
    }
}
