package org.recert.compliance.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.recert.platform.events.CustomPlans;

/**
 * The credits projection's writes for a consumer's batch, set-wise: a statement per step whatever the batch's size, in
 * the consumer's transaction (the connection Hibernate holds for it).
 */
@ApplicationScoped
public class LearnerCreditStore {

    /** One credit's latest version as the ledger described it, in {@code learner_credit}'s columns. */
    public record CreditRow(String creditId, String learnerId, int version, String status, String activityType, String title,
            String courseId, String completedOn, String amount, String unit, String categories, String approval,
            Integer contactMinutes, String verification, String providerName, String evidence) {
    }

    /** What the projection holds of a credit: whose it is and which version. */
    public record Stored(String learnerId, int version) {
    }

    /** A stored credit's row replaced by a higher version only. */
    private static final String REPLACE_OLDER = """
            on conflict (credit_id) do update set learner_id = excluded.learner_id, version = excluded.version,
                status = excluded.status, activity_type = excluded.activity_type, title = excluded.title,
                course_id = excluded.course_id, completed_on = excluded.completed_on, amount = excluded.amount,
                unit = excluded.unit, categories = excluded.categories, approval = excluded.approval,
                contact_minutes = excluded.contact_minutes, verification = excluded.verification,
                provider_name = excluded.provider_name, evidence = excluded.evidence, updated_at = excluded.updated_at
            where learner_credit.version < excluded.version""";

    private final EntityManager entityManager;

    public LearnerCreditStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The stored learner and version of each of these credits that the projection holds, their rows locked until the
     * transaction ends. Planned at every execution ({@link CustomPlans}): a plan PostgreSQL cached while the table
     * was small scanned all of it for every batch (190 ms a batch of 400 at 35,000 credits; 1.3 ms a credit at 50/s).
     * Two replicas meeting the same credits may deadlock; PostgreSQL then fails one transaction, which the consumer
     * retries as a concurrency conflict.
     */
    public Map<String, Stored> lockStored(List<String> creditIds) {
        Map<String, Stored> stored = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select credit_id, learner_id, version from learner_credit where credit_id = any(?) for update""")) {
                CustomPlans.plannedEachTime(query);
                query.setArray(1, connection.createArrayOf("text", creditIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.put(rows.getString(1), new Stored(rows.getString(2), rows.getInt(3)));
                    }
                }
            }
        });
        return stored;
    }

    /**
     * Writes the rows in one statement. {@code stored}: rows of credits {@link #lockStored} found (locked), which replace
     * the stored row when their version is higher; otherwise new credits, plainly inserted, so that one another replica
     * wrote in between fails the batch with a unique violation (the consumer then applies its events one by one, and
     * each sees the stored credit and its learner) rather than replacing it unseen.
     */
    public void write(List<CreditRow> rows, boolean stored, Instant updatedAt) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into learner_credit (credit_id, learner_id, version, status, activity_type, title, course_id, completed_on,
                        amount, unit, categories, approval, contact_minutes, verification, provider_name, evidence, updated_at)
                    select c.credit_id, c.learner_id, c.version, c.status, c.activity_type, c.title, c.course_id, c.completed_on::date,
                        c.amount::numeric, c.unit, c.categories::jsonb, c.approval, c.contact_minutes, c.verification, c.provider_name,
                        c.evidence::jsonb, ?
                    from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])
                        as c(credit_id, learner_id, version, status, activity_type, title, course_id, completed_on, amount, unit,
                            categories, approval, contact_minutes, verification, provider_name, evidence)
                    """ + (stored ? REPLACE_OLDER : ""))) {
                int i = 1;
                upsert.setObject(i++, updatedAt.atOffset(ZoneOffset.UTC));
                upsert.setArray(i++, texts(connection, rows, CreditRow::creditId));
                upsert.setArray(i++, texts(connection, rows, CreditRow::learnerId));
                upsert.setArray(i++, connection.createArrayOf("int4", rows.stream().map(CreditRow::version).toArray()));
                upsert.setArray(i++, texts(connection, rows, CreditRow::status));
                upsert.setArray(i++, texts(connection, rows, CreditRow::activityType));
                upsert.setArray(i++, texts(connection, rows, CreditRow::title));
                upsert.setArray(i++, texts(connection, rows, CreditRow::courseId));
                upsert.setArray(i++, texts(connection, rows, CreditRow::completedOn));
                upsert.setArray(i++, texts(connection, rows, CreditRow::amount));
                upsert.setArray(i++, texts(connection, rows, CreditRow::unit));
                upsert.setArray(i++, texts(connection, rows, CreditRow::categories));
                upsert.setArray(i++, texts(connection, rows, CreditRow::approval));
                upsert.setArray(i++, connection.createArrayOf("int4", rows.stream().map(CreditRow::contactMinutes).toArray()));
                upsert.setArray(i++, texts(connection, rows, CreditRow::verification));
                upsert.setArray(i++, texts(connection, rows, CreditRow::providerName));
                upsert.setArray(i, texts(connection, rows, CreditRow::evidence));
                upsert.executeUpdate();
            }
        });
    }

    /** Those of the learners who hold a current certification, in one query (planned each time, as {@link #lockStored}). */
    public Set<String> certified(List<String> learnerIds) {
        Set<String> certified = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select distinct learner_id from certification where learner_id = any(?) and superseded_at is null""")) {
                CustomPlans.plannedEachTime(query);
                query.setArray(1, connection.createArrayOf("text", learnerIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        certified.add(rows.getString(1));
                    }
                }
            }
        });
        return certified;
    }

    private static java.sql.Array texts(Connection connection, List<CreditRow> rows, Function<CreditRow, String> column)
            throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(column).toArray());
    }
}
