package org.recert.compliance.employers;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.recert.compliance.status.Provenance;
import org.recert.compliance.employers.store.DeliveryQueue;
import org.recert.compliance.employers.webhooks.DeliveryWorker;
import org.recert.contracts.WebhookMessage;

/**
 * Turns status changes and consent changes into webhook deliveries for the organizations concerned, in the
 * transaction of the change: the change and its deliveries commit together. Status goes only to organizations
 * that list the learner and hold their consent.
 */
@ApplicationScoped
public class StatusFeed {

    private final EntityManager entityManager;
    private final DeliveryQueue deliveries;
    private final ObjectMapper objectMapper;
    private final TransactionSynchronizationRegistry transactions;
    private final DeliveryWorker worker;
    private final Clock clock;

    public StatusFeed(EntityManager entityManager, DeliveryQueue deliveries, ObjectMapper objectMapper,
            TransactionSynchronizationRegistry transactions, DeliveryWorker worker, Clock clock) {
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
        this.worker = worker;
        this.clock = clock;
    }

    /** Queues one delivery per matching subscription; returns how many. Must run in the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int statusChanged(StatusChange change) {
        List<Target> targets = targets(null, change.learnerId(), WebhookMessage.STATUS_CHANGED, true);
        for (Target target : targets) {
            enqueue(target, change.learnerId(), new WebhookMessage(WebhookMessage.STATUS_CHANGED, change.changedAt(),
                    new WebhookMessage.StatusChanged(target.organizationId(), change.learnerId(), target.staffRef(), change.credential(),
                            change.oldStatus(), change.newStatus(), change.cycleStart(), change.dueDate(), change.daysRemaining(),
                            change.shortfall(), provenance(change.provenance()))));
        }
        return targets.size();
    }

    /** Tells the organization, if it lists the learner, that it may now see their status, and what it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int consentGranted(UUID organizationId, String learnerId) {
        List<Target> targets = targets(organizationId, learnerId, WebhookMessage.CONSENT_GRANTED, true);
        if (!targets.isEmpty()) {
            List<WebhookMessage.CurrentStatus> statuses = currentStatuses(learnerId);
            for (Target target : targets) {
                enqueue(target, learnerId, new WebhookMessage(WebhookMessage.CONSENT_GRANTED, clock.instant(),
                        new WebhookMessage.ConsentChanged(organizationId, learnerId, target.staffRef(), "GRANTED", statuses)));
            }
        }
        return targets.size();
    }

    /** Tells the organization, if it lists the learner, that it no longer sees their status (and nothing else). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int consentWithdrawn(UUID organizationId, String learnerId) {
        List<Target> targets = targets(organizationId, learnerId, WebhookMessage.CONSENT_WITHDRAWN, false);
        for (Target target : targets) {
            enqueue(target, learnerId, new WebhookMessage(WebhookMessage.CONSENT_WITHDRAWN, clock.instant(),
                    new WebhookMessage.ConsentChanged(organizationId, learnerId, target.staffRef(), "PENDING", null)));
        }
        return targets.size();
    }

    /** Asks the worker to look as soon as the deliveries are visible, instead of at its next poll. */
    public void wakeWorkerOnCommit() {
        if (transactions.getResource(WakeWorker.class) == null) {
            transactions.putResource(WakeWorker.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeWorker(worker));
        }
    }

    private record Target(UUID subscriptionId, UUID organizationId, String staffRef) {
    }

    /** Subscriptions to {@code eventType} of the organizations listing the learner (with their consent, when asked). */
    @SuppressWarnings("unchecked")
    private List<Target> targets(UUID organizationId, String learnerId, String eventType, boolean consentRequired) {
        String sql = """
                select s.id, s.organization_id, m.staff_ref
                from roster_member m
                join webhook_subscription s on s.organization_id = m.organization_id
                %s
                where m.learner_id = ?1 and (',' || s.events || ',') like ?2 %s
                order by s.id"""
                .formatted(consentRequired ? "join learner_consent c on c.organization_id = m.organization_id and c.learner_id = m.learner_id" : "",
                        organizationId == null ? "" : "and m.organization_id = ?3");
        var query = entityManager.createNativeQuery(sql).setParameter(1, learnerId).setParameter(2, "%," + eventType + ",%");
        if (organizationId != null) {
            query.setParameter(3, organizationId);
        }
        List<Target> targets = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            targets.add(new Target((UUID) row[0], (UUID) row[1], (String) row[2]));
        }
        return targets;
    }

    @SuppressWarnings("unchecked")
    private List<WebhookMessage.CurrentStatus> currentStatuses(String learnerId) {
        LocalDate today = LocalDate.now(clock);
        List<WebhookMessage.CurrentStatus> statuses = new ArrayList<>();
        for (Object[] row : (List<Object[]>) entityManager.createNativeQuery("""
                select credential, status, cycle_start, due_date, total_shortfall from learner_status
                where learner_id = ?1 order by credential""").setParameter(1, learnerId).getResultList()) {
            LocalDate due = date(row[3]);
            statuses.add(new WebhookMessage.CurrentStatus((String) row[0], (String) row[1], date(row[2]), due,
                    due == null ? null : (int) ChronoUnit.DAYS.between(today, due), plain((BigDecimal) row[4])));
        }
        return statuses;
    }

    private static WebhookMessage.Provenance provenance(Provenance provenance) {
        return provenance == null ? null : new WebhookMessage.Provenance(provenance.providerReportedPoints(),
                provenance.evidenceAttachedPoints(), provenance.selfReportedPoints(), provenance.certificationSelfReported());
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate local ? local : ((Date) value).toLocalDate();
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private void enqueue(Target target, String learnerId, WebhookMessage message) {
        String type = message.type();
        deliveries.enqueue(target.subscriptionId(), target.organizationId(), learnerId, null, type, json(message), null);
        wakeWorkerOnCommit();
    }

    private String json(WebhookMessage message) {
        try {
            return objectMapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook message is not serializable", e);
        }
    }

    private record WakeWorker(DeliveryWorker worker) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                worker.wake();
            }
        }
    }
}
