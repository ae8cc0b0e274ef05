package org.recert.platform.events;

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
import org.hibernate.Session;
import org.recert.platform.web.TraceContext;

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
        return publishAll(topic, type, List.of(new Keyed(key, data))).get(0);
    }

    /** One event's key and data, for {@link #publishAll}. */
    public record Keyed(String key, Object data) {
    }

    /**
     * Records many events of one type, {@value RowsPerStatement#MOST} to a statement, in list order (so in order per key), after the
     * current transaction commits: a batch of thousands costs a few round trips, not thousands.
     *
     * @return the events' ids, in list order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(String topic, String type, List<Keyed> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(events.size());
        // the current span (the request's, or the consumer's that handles an event) becomes the events' parent
        String traceparent = TraceContext.current();
        for (List<Keyed> chunk : RowsPerStatement.chunks(events)) {
            insert(topic, type, traceparent, chunk, ids);
        }
        wakeRelayOnCommit();
        return List.copyOf(ids);
    }

    private void insert(String topic, String type, String traceparent, List<Keyed> events, List<UUID> ids) {
        int size = events.size();
        String[] eventIds = new String[size];
        String[] keys = new String[size];
        String[] payloads = new String[size];
        Short[] lanes = new Short[size];
        for (int i = 0; i < size; i++) {
            Keyed event = events.get(i);
            UUID id = UUID.randomUUID();
            ids.add(id);
            eventIds[i] = id.toString();
            keys[i] = event.key();
            payloads[i] = serialize(type, event.data());
            lanes[i] = laneOf(event.key());
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            // ordinality keeps the ids (and so the relay's order) in list order
            try (java.sql.PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, topic, event_key, event_type, payload, traceparent, lane)
                    select e.event_id::uuid, ?, e.event_key, ?, e.payload::jsonb, ?, e.lane
                    from unnest(?::text[], ?::text[], ?::text[], ?::smallint[])
                         with ordinality as e(event_id, event_key, payload, lane, n)
                    order by e.n""")) {
                insert.setString(1, topic);
                insert.setString(2, type);
                insert.setString(3, traceparent);
                insert.setArray(4, connection.createArrayOf("text", eventIds));
                insert.setArray(5, connection.createArrayOf("text", keys));
                insert.setArray(6, connection.createArrayOf("text", payloads));
                insert.setArray(7, connection.createArrayOf("smallint", lanes));
                insert.executeUpdate();
            }
        });
    }

    static short laneOf(String key) {
        return (short) Math.floorMod(key.hashCode(), LANES);
    }

    private String serialize(String type, Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + type + " is not serializable", e);
        }
    }

    private void wakeRelayOnCommit() {
        if (transactions.getResource(WakeRelayOnCommit.class) == null) {
            transactions.putResource(WakeRelayOnCommit.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        }
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
