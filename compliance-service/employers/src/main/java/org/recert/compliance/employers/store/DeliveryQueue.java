package org.recert.compliance.employers.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import org.recert.compliance.employers.Delivery;
import org.recert.compliance.employers.DeliveryState;

/**
 * The webhook outbox. Rows are written in the caller's transaction (so a status change and its deliveries
 * commit together) and taken by workers in short transactions of their own: a worker leases due rows with
 * {@code FOR UPDATE SKIP LOCKED}, sends them outside any transaction, then records the outcome. A row is due
 * only when no earlier row of the same learner and subscription is still pending: order per learner holds
 * across retries and replicas. A worker that dies lets its lease run out, and the row is sent again.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final String COLUMNS = """
            id, seq, subscription_id, organization_id, learner_id, message_id, event_type, state, attempts,
            next_attempt_at, last_attempt_at, last_status_code, last_error, delivered_at, replay_of, created_at""";

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public DeliveryQueue(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** Queues one message for one subscription, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(UUID subscriptionId, UUID organizationId, String learnerId, String messageId, String eventType,
            String payload, UUID replayOf) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, organization_id, learner_id, message_id, event_type,
                                              payload, state, next_attempt_at, replay_of)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', now(), ?8)""")
                .setParameter(1, id)
                .setParameter(2, subscriptionId)
                .setParameter(3, organizationId)
                .setParameter(4, learnerId)
                .setParameter(5, messageId == null ? id.toString() : messageId)
                .setParameter(6, eventType)
                .setParameter(7, payload)
                .setParameter(8, replayOf)
                .executeUpdate();
        return id;
    }

    /** Cancels what is still pending for a learner at an organization (consent withdrawn, left the roster). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(UUID organizationId, String learnerId) {
        return entityManager.createNativeQuery("""
                update webhook_delivery set state = 'CANCELLED', next_attempt_at = null, lease_until = null,
                       last_error = 'consent withdrawn or no longer on the roster'
                where organization_id = ?1 and learner_id = ?2 and state = 'PENDING'""")
                .setParameter(1, organizationId)
                .setParameter(2, learnerId)
                .executeUpdate();
    }

    /**
     * Leases up to {@code limit} due deliveries for {@code lease}, at most {@code perSubscription} of each subscription in
     * flight at once (counting those other workers hold); commits before returning. The subscriptions are locked while
     * their rows are picked, so two workers cannot both fill one subscription's share.
     */
    public List<ClaimedDelivery> claim(int limit, int perSubscription, Duration lease) throws SQLException {
        List<ClaimedDelivery> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                UUID[] subscriptions = dueSubscriptions(connection);
                if (subscriptions.length > 0) {
                    claimed = lease(connection, subscriptions, limit, perSubscription, lease);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        return claimed;
    }

    /** Subscriptions with a due delivery that no other worker is claiming for right now; locked until commit. */
    private static UUID[] dueSubscriptions(Connection connection) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select s.id from webhook_subscription s
                where s.id in (select d.subscription_id from webhook_delivery d
                               where d.state = 'PENDING' and d.next_attempt_at <= now()
                                 and (d.lease_until is null or d.lease_until < now()))
                for no key update of s skip locked""");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids.toArray(UUID[]::new);
    }

    private static List<ClaimedDelivery> lease(Connection connection, UUID[] subscriptions, int limit, int perSubscription, Duration lease)
            throws SQLException {
        List<ClaimedDelivery> claimed = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                with in_flight as (
                    select subscription_id, count(*) as n from webhook_delivery
                    where subscription_id = any(?) and state = 'PENDING' and lease_until >= now()
                    group by subscription_id),
                ready as (
                    select d.id, d.subscription_id, d.next_attempt_at, d.seq,
                           row_number() over (partition by d.subscription_id order by d.next_attempt_at, d.seq) as place
                    from webhook_delivery d
                    where d.subscription_id = any(?) and d.state = 'PENDING' and d.next_attempt_at <= now()
                      and (d.lease_until is null or d.lease_until < now())
                      and not exists (select 1 from webhook_delivery e
                                      where e.subscription_id = d.subscription_id and e.learner_id = d.learner_id
                                        and e.state = 'PENDING' and e.seq < d.seq)),
                picked as (
                    select r.id from ready r left join in_flight f on f.subscription_id = r.subscription_id
                    where r.place <= ? - coalesce(f.n, 0)
                    order by r.next_attempt_at, r.seq
                    limit ?)
                update webhook_delivery d set lease_until = now() + make_interval(secs => ?)
                from picked, webhook_subscription s
                where d.id = picked.id and s.id = d.subscription_id
                returning d.id, d.message_id, d.event_type, d.payload, d.attempts, d.created_at, d.first_attempt_at, s.url,
                          s.id, s.secret, s.secret_key_id,
                          case when s.previous_secret_until > now() then s.previous_secret end, s.previous_secret_key_id""")) {
            statement.setArray(1, connection.createArrayOf("uuid", subscriptions));
            statement.setArray(2, connection.createArrayOf("uuid", subscriptions));
            statement.setInt(3, perSubscription);
            statement.setInt(4, limit);
            statement.setDouble(5, lease.toMillis() / 1000.0);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new ClaimedDelivery(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getInt(5), rows.getObject(6, OffsetDateTime.class),
                            rows.getObject(7, OffsetDateTime.class), rows.getString(8), rows.getObject(9, UUID.class),
                            rows.getString(10), rows.getString(11), rows.getString(12), rows.getString(13)));
                }
            }
        }
        return claimed;
    }

    /** Records a 2xx answer. */
    public void delivered(UUID id, int statusCode) throws SQLException {
        update("""
                update webhook_delivery set state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = now(),
                       first_attempt_at = coalesce(first_attempt_at, now()),
                       last_status_code = ?, last_error = null, delivered_at = now(), next_attempt_at = null, lease_until = null
                where id = ? and state = 'PENDING'""", statusCode, id);
    }

    /** Records a failed attempt; {@code nextAttempt} empty abandons the delivery. */
    public void failed(UUID id, Integer statusCode, String error, Optional<Instant> nextAttempt) throws SQLException {
        update("""
                update webhook_delivery set state = ?, attempts = attempts + 1, last_attempt_at = now(),
                       first_attempt_at = coalesce(first_attempt_at, now()),
                       last_status_code = ?, last_error = ?, next_attempt_at = ?, lease_until = null
                where id = ? and state = 'PENDING'""",
                nextAttempt.isPresent() ? DeliveryState.PENDING.name() : DeliveryState.FAILED.name(), statusCode,
                error == null ? null : error.substring(0, Math.min(error.length(), 500)),
                nextAttempt.map(t -> t.atOffset(java.time.ZoneOffset.UTC)).orElse(null), id);
    }

    /** Deletes finished rows older than {@code retention}. */
    public int purge(Duration retention) throws SQLException {
        return update("delete from webhook_delivery where state <> 'PENDING' and created_at < now() - make_interval(secs => ?)",
                (double) retention.toSeconds());
    }

    /** Deliveries still pending, for the gauge. */
    public long pendingCount() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from webhook_delivery where state = 'PENDING'");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** A subscription's log, newest first, after {@code beforeSeq} when given. */
    @SuppressWarnings("unchecked")
    public List<Delivery> log(UUID subscriptionId, Long beforeSeq, DeliveryState state, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from webhook_delivery where subscription_id = ?1");
        List<Object> parameters = new ArrayList<>(List.of(subscriptionId));
        if (beforeSeq != null) {
            parameters.add(beforeSeq);
            sql.append(" and seq < ?").append(parameters.size());
        }
        if (state != null) {
            parameters.add(state.name());
            sql.append(" and state = ?").append(parameters.size());
        }
        parameters.add(limit);
        sql.append(" order by seq desc limit ?").append(parameters.size());
        var query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((List<Object[]>) query.getResultList()).stream().map(DeliveryQueue::delivery).toList();
    }

    /** One delivery of a subscription. */
    @SuppressWarnings("unchecked")
    public Optional<Delivery> find(UUID subscriptionId, UUID deliveryId) {
        List<Object[]> rows = entityManager.createNativeQuery("select " + COLUMNS + " from webhook_delivery where subscription_id = ?1 and id = ?2")
                .setParameter(1, subscriptionId).setParameter(2, deliveryId).getResultList();
        return rows.stream().findFirst().map(DeliveryQueue::delivery);
    }

    /** The exact payload of a delivery, to send it again. */
    public String payload(UUID deliveryId) {
        return (String) entityManager.createNativeQuery("select payload from webhook_delivery where id = ?1")
                .setParameter(1, deliveryId).getSingleResult();
    }

    private static Delivery delivery(Object[] row) {
        return new Delivery((UUID) row[0], ((Number) row[1]).longValue(), (UUID) row[2], (UUID) row[3], (String) row[4],
                (String) row[5], (String) row[6], DeliveryState.valueOf((String) row[7]), ((Number) row[8]).intValue(),
                time(row[9]), time(row[10]), row[11] == null ? null : ((Number) row[11]).intValue(), (String) row[12],
                time(row[13]), (UUID) row[14], time(row[15]));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time value " + value.getClass());
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement.executeUpdate();
        }
    }
}
