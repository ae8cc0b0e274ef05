package org.recert.platform.runtime;

import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import io.vertx.core.http.HttpClosedException;

/** Tells failures of the infrastructure (worth waiting out) from failures of the input. */
public final class Failures {

    private Failures() {
    }

    /** A database that is down, restarting or overloaded: answer 503, or retry later, never blame the input. */
    public static boolean isDatabaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A conflict between concurrent transactions (serialization failure, deadlock): retrying the same work succeeds. */
    public static boolean isConcurrencyConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /** A unique constraint refused a second row (SQLSTATE 23505): the thing already exists, or a concurrent twin won. */
    public static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Text the database cannot store: a NUL character (SQLSTATE 22021) or one its encoding lacks (22P05). */
    public static boolean isUnstorableText(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's connection closed before its request was read (a client gone, or a replica closing its connections
     * at the end of a graceful shutdown): nothing was done or acknowledged, and no answer can reach anyone.
     */
    public static boolean isClientGone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
