package org.recert.compliance.employers.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import org.recert.compliance.employers.RosterFilter;
import org.recert.compliance.employers.RosterLine;
import org.recert.compliance.employers.RosterSort;
import org.recert.compliance.status.Provenance;

/**
 * The roster as one indexed join of members, consents and the stored status of each learner
 * ({@code learner_status}, kept current by the compliance core): nothing is evaluated per request.
 * A member's status joins only through a consent row, so without consent it cannot leak.
 */
@ApplicationScoped
public class RosterQueries {

    static final String NO_CERTIFICATION = "NO_CERTIFICATION";
    private static final String PROVENANCE =
            "s.provider_reported_points, s.evidence_attached_points, s.self_reported_points, s.certification_self_reported";

    private static final String SELECT = """
            select m.learner_id, m.staff_ref, c.learner_id is not null as consented,
                   coalesce(s.credential, case when c.learner_id is not null then cast(? as text) end) as credential,
                   case when c.learner_id is not null then coalesce(s.status, '%s') end as status,
                   s.cycle_start, s.due_date, s.total_shortfall, s.evaluated_at,
                   %s as k1, %s as k2, %s as k3, %s
            from roster_member m
            left join learner_consent c on c.organization_id = m.organization_id and c.learner_id = m.learner_id
            left join learner_status s on c.learner_id is not null and s.learner_id = m.learner_id%s
            where m.organization_id = ?
            """;

    private final AgroalDataSource dataSource;

    public RosterQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page: at most {@code filter.limit()} rows after the cursor. */
    public List<RosterLine> page(RosterFilter filter) {
        List<RosterLine> rows = new ArrayList<>();
        stream(filter, rows::add);
        return rows;
    }

    /** Every matching row, handed over one at a time as the database streams them (for CSV). */
    public void stream(RosterFilter filter, Consumer<RosterLine> sink) {
        String[] keys = keys(filter.sort());
        List<Object> parameters = new ArrayList<>();
        parameters.add(filter.credential());
        StringBuilder sql = new StringBuilder(SELECT.formatted(NO_CERTIFICATION, keys[0], keys[1],
                keys.length > 2 ? keys[2] : "''", PROVENANCE, filter.credential() == null ? "" : " and s.credential = ?"));
        if (filter.credential() != null) {
            parameters.add(filter.credential());
        }
        parameters.add(filter.organizationId());
        if (!filter.statuses().isEmpty()) {
            sql.append(" and c.learner_id is not null and coalesce(s.status, '").append(NO_CERTIFICATION).append("') = any(?)");
            parameters.add(filter.statuses().toArray(String[]::new));
        }
        if (filter.dueBefore() != null) {
            sql.append(" and c.learner_id is not null and s.due_date < ?");
            parameters.add(Date.valueOf(filter.dueBefore()));
        }
        if (filter.learnerId() != null) {
            sql.append(" and m.learner_id = ?");
            parameters.add(filter.learnerId());
        }
        if ("GRANTED".equals(filter.consent())) {
            sql.append(" and c.learner_id is not null");
        } else if ("PENDING".equals(filter.consent())) {
            sql.append(" and c.learner_id is null");
        }
        if (!filter.after().isEmpty()) {
            sql.append(" and (").append(String.join(", ", keys)).append(") > (");
            for (int i = 0; i < keys.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(i == 0 && filter.sort() == RosterSort.DUE_DATE ? "cast(? as date)" : "?");
                parameters.add(filter.after().get(i));
            }
            sql.append(")");
        }
        sql.append(" order by ").append(String.join(", ", keys));
        if (filter.limit() > 0) {
            sql.append(" limit ?");
            parameters.add(filter.limit());
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (filter.limit() == 0) {
                connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                statement.setFetchSize(filter.limit() == 0 ? 1000 : filter.limit());
                bind(connection, statement, parameters);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        sink.accept(row(result, keys.length));
                    }
                }
            } finally {
                if (filter.limit() == 0) {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("roster query failed", e);
        }
    }

    /**
     * The consenting members of {@code organizationId} among {@code learnerIds} (or, when {@code byStaffRef},
     * among those staff references), with their stored status for {@code credential}.
     */
    public List<RosterLine> check(UUID organizationId, String credential, Collection<String> ids, boolean byStaffRef) {
        String sql = """
                select m.learner_id, m.staff_ref, true, cast(? as text), coalesce(s.status, '%s'),
                       s.cycle_start, s.due_date, s.total_shortfall, s.evaluated_at, %s
                from roster_member m
                join learner_consent c on c.organization_id = m.organization_id and c.learner_id = m.learner_id
                left join learner_status s on s.learner_id = m.learner_id and s.credential = ?
                where m.organization_id = ? and m.%s = any(?)
                """.formatted(NO_CERTIFICATION, PROVENANCE, byStaffRef ? "staff_ref" : "learner_id");
        List<RosterLine> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, List.of(credential, credential, organizationId, ids.toArray(String[]::new)));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result, 0));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("roster check failed", e);
        }
        return rows;
    }

    /** The columns of an order; each ends on unique ones so that keyset paging never skips or repeats a row. */
    private static String[] keys(RosterSort sort) {
        return switch (sort) {
            // members without a due date (pending, no certification) last
            case DUE_DATE -> new String[] {"coalesce(s.due_date, date '9999-12-31')", "m.learner_id", "coalesce(s.credential, '')"};
            case LEARNER_ID -> new String[] {"m.learner_id", "coalesce(s.credential, '')"};
        };
    }

    private static void bind(Connection connection, PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else if (value instanceof UUID uuid) {
                statement.setObject(i + 1, uuid);
            } else if (value == null) {
                statement.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static RosterLine row(ResultSet result, int sortKeys) throws SQLException {
        Date cycleStart = result.getDate(6);
        Date dueDate = result.getDate(7);
        BigDecimal shortfall = result.getBigDecimal(8);
        return new RosterLine(result.getString(1), result.getString(2), result.getBoolean(3), result.getString(4),
                result.getString(5), cycleStart == null ? null : cycleStart.toLocalDate(),
                dueDate == null ? null : dueDate.toLocalDate(), shortfall == null ? null : plain(shortfall),
                result.getObject(9, OffsetDateTime.class), sortKey(result, sortKeys), provenance(result));
    }

    /** Who vouches for the counted points, read by column name; null without a stored status (or consent). */
    private static Provenance provenance(ResultSet result) throws SQLException {
        Boolean certificationSelfReported = (Boolean) result.getObject("certification_self_reported");
        if (certificationSelfReported == null) {
            return null;
        }
        return new Provenance(plain(result.getBigDecimal("provider_reported_points")),
                plain(result.getBigDecimal("evidence_attached_points")), plain(result.getBigDecimal("self_reported_points")),
                certificationSelfReported);
    }

    private static List<String> sortKey(ResultSet result, int sortKeys) throws SQLException {
        List<String> key = new ArrayList<>(sortKeys);
        for (int i = 0; i < sortKeys; i++) {
            key.add(result.getString(10 + i));
        }
        return key;
    }

    /** 10.00 and 10 are one value; never in exponent form. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
