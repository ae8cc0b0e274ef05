package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The migrate-once design of the Kubernetes manifests, run for real: catalog-service's fast-jar (what its image
 * runs) started with the environment of the rendered migration Job and Deployment, against a real PostgreSQL.
 */
class MigrationJobTest {

    private static final ServiceModule CATALOG = ServiceModule.named("catalog");
    private static final Path APP = CATALOG.dir().resolve("target/quarkus-app/quarkus-run.jar");
    private static final String PASSWORD = "catalog-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(APP),
                "SKIPPED: " + APP + " is not built (./mvnw verify builds it before this module)");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target/migration-job-pg"))
                .setCleanDataDirectory(true)
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("fsync", "off")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create role catalog login password '" + PASSWORD + "'");
            statement.execute("create database catalog owner catalog");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldMigrateOnceInTheJobAndServeOnlyOnTheMigratedSchema() throws Exception {
        Manifests manifests = Manifests.render("prod");
        Map<String, String> job = literalEnv(manifests.get("Job", "recert-catalog-migrate"));
        Map<String, String> replica = literalEnv(manifests.get("Deployment", "recert-catalog"));

        Run early = start("replica-before-migration", replica);
        assertThat(early.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(early.process.exitValue()).as("a replica refuses a schema its code does not match").isNotZero();
        assertThat(Files.readString(early.log)).contains("Validate failed");
        assertThat(appliedMigrations()).isZero();

        Run migration = start("migration-job", job);
        assertThat(migration.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(migration.process.exitValue()).as(Files.readString(migration.log)).isZero();
        int applied = appliedMigrations();
        assertThat(applied).isPositive();

        Run serving = start("replica", replica);
        try {
            assertThat(awaitStarted(serving)).as("the replica starts on the migrated schema").isTrue();
            assertThat(httpStatus(serving.port, "/q/health/live")).isEqualTo(200);
        } finally {
            serving.process.destroy();
            assertThat(serving.process.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        assertThat(appliedMigrations()).as("replicas never migrate").isEqualTo(applied);
        assertThat(Files.readString(serving.log)).doesNotContain("Migrating schema");
    }

    /** The manifest's own literal env entries (secrets and ConfigMaps are replaced by the test's values). */
    private static Map<String, String> literalEnv(Map<String, Object> workload) {
        Map<String, String> env = new HashMap<>();
        for (Object entry : Yaml.list(Manifests.onlyContainer(workload).get("env"))) {
            Map<String, Object> variable = Yaml.map(entry);
            String name = String.valueOf(variable.get("name"));
            if (variable.containsKey("value") && !ServiceSettings.IMAGE.contains(name)) {
                env.put(name, String.valueOf(variable.get("value")));
            }
        }
        return env;
    }

    private record Run(Process process, Path log, int port) {
    }

    private static Run start(String name, Map<String, String> manifestEnv) throws IOException {
        int port = freePort();
        Path log = Path.of("target", "migration-job-" + name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", APP.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(APP.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("RECERT_") || k.startsWith("KAFKA_"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/catalog");
        env.put("QUARKUS_DATASOURCE_USERNAME", "catalog");
        env.put("QUARKUS_DATASOURCE_PASSWORD", PASSWORD);
        // No broker: readiness stays DOWN, which this test does not need
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort());
        env.put("MP_JWT_VERIFY_ISSUER", "recert-local");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "file:" + Repo.path("devstack/core/src/main/resources/META-INF/recert/dev-keys/public.pem"));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(manifestEnv);
        return new Run(builder.start(), log, port);
    }

    private static boolean awaitStarted(Run run) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && run.process.isAlive()) {
            if (httpStatus(run.port, "/q/health/started") == 200) {
                return true;
            }
            run.process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private static int httpStatus(int port, String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                    .openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static int appliedMigrations() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/catalog", "catalog", PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
        }
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/catalog", "catalog", PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from flyway_schema_history where success")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
