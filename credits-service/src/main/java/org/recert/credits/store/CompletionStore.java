package org.recert.credits.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The rows of provider completion reports, written set-wise (one statement per step, whatever the batch size).
 * The primary key (provider, course, learner, completion date) and the provider's row id are what make a row
 * sent twice, even by two concurrent reports, link to one credit.
 */
@ApplicationScoped
public class CompletionStore {

    /** One reported completion and the credit it is (or would be) linked to. */
    public record Link(UUID providerId, UUID courseId, String learnerId, LocalDate completedOn, String rowId, UUID creditId) {

        /** The natural key of the completion. */
        public String naturalKey() {
            return key(providerId, courseId, learnerId, completedOn);
        }

        public String rowKey() {
            return rowId == null ? null : providerId + "|" + rowId;
        }

        public String learnerCourseKey() {
            return learnerId + "|" + courseId + "|" + completedOn;
        }

        static String key(Object provider, Object course, String learner, Object completedOn) {
            return provider + "|" + course + "|" + learner + "|" + completedOn;
        }
    }

    private final EntityManager entityManager;

    public CompletionStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Active credits that already stand for these completions (learner + course + date), by {@link Link#learnerCourseKey}. */
    public Map<String, UUID> activeCredits(List<Link> links) {
        Map<String, UUID> found = new HashMap<>();
        if (links.isEmpty()) {
            return found;
        }
        work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select c.learner_id, c.course_id, c.completed_on, c.id from credit c
                    join unnest(?, ?, ?) as t(learner, course, completed)
                      on c.learner_id = t.learner and c.course_id = cast(t.course as uuid) and c.completed_on = cast(t.completed as date)
                    where c.status = 'ACTIVE'""")) {
                select.setArray(1, text(connection, column(links, Link::learnerId)));
                select.setArray(2, text(connection, column(links, l -> l.courseId().toString())));
                select.setArray(3, text(connection, column(links, l -> l.completedOn().toString())));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1) + "|" + rows.getObject(2) + "|" + rows.getObject(3, LocalDate.class),
                                rows.getObject(4, UUID.class));
                    }
                }
            }
        });
        return found;
    }

    /**
     * Links each completion to its credit unless it is already linked (same natural key or row id).
     *
     * @return the natural keys of the links this call made
     */
    public Set<String> link(UUID reportId, List<Link> links) {
        Set<String> made = new HashSet<>();
        if (links.isEmpty()) {
            return made;
        }
        BulkInsert<Link> insert = BulkInsert.<Link>into("completion_row")
                .column("provider_id", "uuid", Link::providerId)
                .column("course_id", "uuid", Link::courseId)
                .column("learner_id", "text", Link::learnerId)
                .column("completed_on", "date", Link::completedOn)
                .column("row_id", "text", Link::rowId)
                .column("credit_id", "uuid", Link::creditId)
                .column("report_id", "uuid", link -> reportId)
                .then("on conflict do nothing returning provider_id, course_id, learner_id, completed_on");
        work(connection -> insert.executeReturning(connection, links,
                row -> made.add(Link.key(row.getObject(1), row.getObject(2), row.getString(3), row.getObject(4, LocalDate.class)))));
        return made;
    }

    /** The links already standing for these completions, matched by natural key or by row id. */
    public List<Link> existing(List<Link> links) {
        List<Link> found = new ArrayList<>();
        if (links.isEmpty()) {
            return found;
        }
        work(connection -> {
            // two index joins, not one join with an OR: with an OR the planner compares every row with every row
            try (PreparedStatement select = connection.prepareStatement("""
                    select r.provider_id, r.course_id, r.learner_id, r.completed_on, r.row_id, r.credit_id
                    from completion_row r join unnest(?, ?, ?, ?) as t(p, c, l, d)
                      on r.provider_id = cast(t.p as uuid) and r.course_id = cast(t.c as uuid)
                     and r.learner_id = t.l and r.completed_on = cast(t.d as date)
                    union
                    select r.provider_id, r.course_id, r.learner_id, r.completed_on, r.row_id, r.credit_id
                    from completion_row r join unnest(?, ?) as t(p, rid)
                      on r.row_id is not null and r.provider_id = cast(t.p as uuid) and r.row_id = t.rid""")) {
                List<Link> withRowId = links.stream().filter(l -> l.rowId() != null).toList();
                select.setArray(1, text(connection, column(links, l -> l.providerId().toString())));
                select.setArray(2, text(connection, column(links, l -> l.courseId().toString())));
                select.setArray(3, text(connection, column(links, Link::learnerId)));
                select.setArray(4, text(connection, column(links, l -> l.completedOn().toString())));
                select.setArray(5, text(connection, column(withRowId, l -> l.providerId().toString())));
                select.setArray(6, text(connection, column(withRowId, Link::rowId)));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Link(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                                rows.getObject(4, LocalDate.class), rows.getString(5), rows.getObject(6, UUID.class)));
                    }
                }
            }
        });
        return found;
    }

    public void saveReport(UUID reportId, UUID providerId, String reportedBy, int received, int accepted, int duplicates, int rejected) {
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into completion_report (id, provider_id, reported_by, received, accepted, duplicates, rejected)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, reportId);
                insert.setObject(2, providerId, java.sql.Types.OTHER);
                insert.setString(3, reportedBy);
                insert.setInt(4, received);
                insert.setInt(5, accepted);
                insert.setInt(6, duplicates);
                insert.setInt(7, rejected);
                insert.executeUpdate();
            }
        });
    }

    private static java.sql.Array text(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    private void work(SqlWork work) {
        entityManager.unwrap(Session.class).doWork(work::run);
    }

    private static String[] column(List<Link> links, java.util.function.Function<Link, String> value) {
        String[] column = new String[links.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(links.get(i));
        }
        return column;
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }
}
