package org.recert.platform.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.recert.platform.web.TraceContext;
import org.slf4j.MDC;

/**
 * The only way a service emits an event: the event row is written in the caller's transaction, so it
 * exists if and only if the change it describes was committed. The relay publishes it after commit.
 */
@ApplicationScoped
public class Outbox {

    static final int LANES = 16;

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager entityManager, ObjectMapper objectMapper,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Records an event to be published on {@code topic} under {@code key}, after the current transaction commits.
     *
     * @return the event's id (the CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, Object data) {
        UUID eventId = UUID.randomUUID();
        String payload;
        try {
            payload = objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + type + " is not serializable", e);
        }
        entityManager.createNativeQuery("""
                insert into outbox_event (event_id, topic, event_key, event_type, payload, traceparent, lane)
                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7)""")
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, payload)
                .setParameter(6, MDC.get(TraceContext.MDC_KEY))
                .setParameter(7, (short) Math.floorMod(key.hashCode(), LANES))
                .executeUpdate();
        if (transactions.getResource(WakeRelayOnCommit.class) == null) {
            transactions.putResource(WakeRelayOnCommit.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        }
        return eventId;
    }

    /** Wakes the relay as soon as the events are visible, instead of waiting for its next poll. */
    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
