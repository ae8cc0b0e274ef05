package org.recert.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL 17 from the zonky binaries, listening on 127.0.0.1 only. */
final class PostgresServer implements AutoCloseable {

    private final Path dataDirectory;
    private final boolean durable;
    private int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, int port, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.durable = durable;
    }

    /** Starts a server on a fresh data directory; {@code port} 0 picks a free one. */
    static PostgresServer start(Path dataDirectory, int port, boolean durable) {
        RunDirectory.deleteRecursively(dataDirectory);
        PostgresServer server = new PostgresServer(dataDirectory, port, durable);
        server.launch();
        return server;
    }

    /** Starts the server again after {@link #stop()}: same port, same data. Does nothing if it runs. */
    synchronized void restart() {
        if (postgres == null) {
            launch();
        }
    }

    /** Stops the server (a fast shutdown: open sessions are ended), keeping its data directory. */
    synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        } finally {
            postgres = null;
        }
    }

    synchronized boolean isRunning() {
        return postgres != null;
    }

    private void launch() {
        try {
            // the data directory is kept on close (zonky initialises it only when it has no postgresql.conf),
            // so that a stopped server starts again with its data; the run directory goes when the stack closes
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // a killed server would otherwise leave socket files behind in the temp dir
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB");
            if (Boolean.getBoolean("devstack.postgres.statementStatistics")) {
                // bench/run counts the statements per credit; loaded only at start, so asked for up front
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            if (!durable) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("synchronous_commit", "off");
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    synchronized int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates a login role and a database it owns, both named {@code name}; does nothing if they exist. */
    synchronized Database createDatabase(String name) {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is stopped");
        }
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", name)) {
                statement.execute("create role " + name + " login password '" + name + "'");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
                statement.execute("create database " + name + " owner " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new Database(jdbcUrl(name), name, name);
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
