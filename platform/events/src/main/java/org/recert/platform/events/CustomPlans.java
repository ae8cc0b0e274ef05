package org.recert.platform.events;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * For a statement that matches rows of a growing table against an array of ids ({@code where id = any(?)}): never a
 * server-side prepared statement, so never a generic plan. PostgreSQL caches a generic plan after five runs, made for
 * the table as it was then; one made while the table was small scans all of it and tests every row against every id
 * once it has grown (compliance's consumer: 190 ms a batch of 400 ids at 35,000 credits). Planned with the array at
 * hand, it is an index lookup per id whatever the table's size.
 */
public final class CustomPlans {

    private CustomPlans() {
    }

    /** {@code statement}, planned at each execution from now on. */
    public static PreparedStatement plannedEachTime(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
