package org.recert.credits.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One INSERT for any number of rows: each column is named once, with its PostgreSQL type and how to read it from a
 * row, and travels as one array parameter ({@code insert into t (a, b) select * from unnest(cast(? as uuid[]),
 * cast(? as text[]))}), so a column and its value cannot drift apart and 10,000 rows are still one statement.
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
    PreparedStatement prepare(Connection connection, Collection<? extends R> rows) throws SQLException {
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

    /** Inserts the rows; the number inserted. */
    int execute(Connection connection, Collection<? extends R> rows) throws SQLException {
        try (PreparedStatement statement = prepare(connection, rows)) {
            return statement.executeUpdate();
        }
    }

    /** As PostgreSQL reads it back through the column's cast: decimals in plain notation, instants in ISO 8601. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
