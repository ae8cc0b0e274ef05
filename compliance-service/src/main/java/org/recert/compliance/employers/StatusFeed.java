package org.recert.compliance.employers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.recert.compliance.employers.store.DeliveryQueue;
import org.recert.compliance.employers.webhooks.DeliveryWorker;

/**
 * Turns a status change into webhook deliveries for every organization that lists the learner and holds
 * their consent, in the transaction of the change: the change and its deliveries commit together.
 */
@ApplicationScoped
public class StatusFeed {

    public static final String STATUS_CHANGED = "compliance.status.changed";

    /** The body of a status webhook, the Standard Webhooks way: type, timestamp, data. */
    public record Message(String type, Instant timestamp, Data data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(UUID organizationId, String learnerId, String staffRef, String credential, String oldStatus,
            String newStatus, java.time.LocalDate cycleStart, java.time.LocalDate dueDate, Integer daysRemaining,
            java.math.BigDecimal shortfall) {
    }

    private final EntityManager entityManager;
    private final DeliveryQueue deliveries;
    private final ObjectMapper objectMapper;
    private final TransactionSynchronizationRegistry transactions;
    private final DeliveryWorker worker;

    public StatusFeed(EntityManager entityManager, DeliveryQueue deliveries, ObjectMapper objectMapper,
            TransactionSynchronizationRegistry transactions, DeliveryWorker worker) {
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
        this.worker = worker;
    }

    /** Queues one delivery per matching subscription; returns how many. Must run in the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public int statusChanged(StatusChange change) {
        List<Object[]> targets = entityManager.createNativeQuery("""
                select s.id, s.organization_id, m.staff_ref
                from roster_member m
                join learner_consent c on c.organization_id = m.organization_id and c.learner_id = m.learner_id
                join webhook_subscription s on s.organization_id = m.organization_id
                where m.learner_id = ?1 and (',' || s.events || ',') like ?2
                order by s.id""")
                .setParameter(1, change.learnerId())
                .setParameter(2, "%," + STATUS_CHANGED + ",%")
                .getResultList();
        for (Object[] target : targets) {
            UUID organizationId = (UUID) target[1];
            Message message = new Message(STATUS_CHANGED, change.changedAt(), new Data(organizationId, change.learnerId(),
                    (String) target[2], change.credential(), change.oldStatus(), change.newStatus(), change.cycleStart(),
                    change.dueDate(), change.daysRemaining(), change.shortfall()));
            deliveries.enqueue((UUID) target[0], organizationId, change.learnerId(), null, STATUS_CHANGED, json(message), null);
        }
        if (!targets.isEmpty()) {
            wakeWorkerOnCommit();
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

    private String json(Message message) {
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
