package org.recert.credits.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.recert.platform.events.RowsPerStatement;

/**
 * One INSERT for any number of rows: each column is named once, with its PostgreSQL type and how to read it from a
 * row, and travels as one array parameter ({@code insert into t (a, b) select * from unnest(cast(? as uuid[]),
 * cast(? as text[]))}), so a column and its value cannot drift apart; 10,000 rows are ten statements of
 * {@value RowsPerStatement#MOST}.
 *
 * @param <R> the row type the columns are read from
 */
final class BulkInsert<R> {

    private record Column<R>(String name, String type, Function<? super R, ?> value) {
    }

    private final String table;
    private final List<Column<R>> columns = new ArrayList<>();
    private String clause = "";

    private BulkInsert(String table) {
        this.table = table;
    }

    static <R> BulkInsert<R> into(String table) {
        return new BulkInsert<>(table);
    }

    /** A column, its PostgreSQL type ({@code uuid}, {@code text}, {@code numeric}, ...) and its value in a row (null allowed). */
    BulkInsert<R> column(String name, String type, Function<? super R, ?> value) {
        columns.add(new Column<>(name, type, value));
        return this;
    }

    /** What follows the rows: {@code on conflict ...}, {@code returning ...}. */
    BulkInsert<R> then(String clause) {
        this.clause = " " + clause;
        return this;
    }

    String sql() {
        return "insert into " + table + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ")"
                + " select * from unnest(" + columns.stream().map(c -> "cast(? as " + c.type() + "[])").collect(Collectors.joining(", "))
                + ")" + clause;
    }

    /** The statement with every column's values bound; the caller executes and closes it. */
    private PreparedStatement prepare(Connection connection, List<? extends R> rows) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql());
        try {
            int parameter = 1;
            for (Column<R> column : columns) {
                String[] values = new String[rows.size()];
                int i = 0;
                for (R row : rows) {
                    values[i++] = text(column.value().apply(row));
                }
                statement.setArray(parameter++, connection.createArrayOf("text", values));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Inserts the rows, {@value RowsPerStatement#MOST} to a statement, in list order; the number inserted. */
    int execute(Connection connection, List<? extends R> rows) throws SQLException {
        int inserted = 0;
        for (List<? extends R> chunk : RowsPerStatement.chunks(rows)) {
            try (PreparedStatement statement = prepare(connection, chunk)) {
                inserted += statement.executeUpdate();
            }
        }
        return inserted;
    }

    /** Inserts the rows as {@link #execute} does, handing each row the {@code returning} clause returns to {@code returned}. */
    void executeReturning(Connection connection, List<? extends R> rows, Returned returned) throws SQLException {
        for (List<? extends R> chunk : RowsPerStatement.chunks(rows)) {
            try (PreparedStatement statement = prepare(connection, chunk);
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    returned.row(result);
                }
            }
        }
    }

    /** One row of a {@code returning} clause. */
    @FunctionalInterface
    interface Returned {
        void row(ResultSet row) throws SQLException;
    }

    /** As PostgreSQL reads it back through the column's cast: decimals in plain notation, instants in ISO 8601. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
