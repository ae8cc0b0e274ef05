package org.recert.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test harness over the launcher, against a real PostgreSQL and Kafka with stand-ins for the services' jars. */
class SuiteTest {

    @TempDir
    Path root;

    @Test
    void shouldStartOnFreePortsRestartServicesAndPostgresWithTheirDataAndLeaveNothingAfterClose() throws Exception {
        for (String module : List.of("catalog-service", "credits-service", "compliance-service", "notification-service", "gateway")) {
            SuiteRunTest.writeFakeServiceJar(root.resolve(module + "/target/quarkus-app/quarkus-run.jar"));
        }
        Suite.Options options = new Suite.Options(root, root.resolve("run"), false,
                Map.of("compliance", Map.of("RECERT_CONSUMER_DELIVER_TWICE", "true")), false, false);
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        List<ProcessHandle> children;
        try (Suite suite = Suite.start(options)) {
            children = ProcessHandle.current().children().filter(child -> !before.contains(child)).toList();
            assertEquals(6, children.size(), () -> "the broker and five services: " + children);

            Properties compliance = SuiteRunTest.settingsOf(URI.create(suite.serviceUrl("compliance")).getPort());
            assertEquals("true", compliance.getProperty("RECERT_CONSUMER_DELIVER_TWICE"));
            assertEquals("false", compliance.getProperty("RECERT_DEMO_DATA_ENABLED"));
            assertEquals(suite.bootstrapServers(), compliance.getProperty("KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals(suite.database("compliance").jdbcUrl(), compliance.getProperty("QUARKUS_DATASOURCE_JDBC_URL"));
            Properties gateway = SuiteRunTest.settingsOf(URI.create(suite.gatewayUrl()).getPort());
            assertEquals(suite.serviceUrl("catalog"), gateway.getProperty("RECERT_GATEWAY_SERVICES_CATALOG_URL"));
            assertEquals("", gateway.getProperty("RECERT_CONSUMER_DELIVER_TWICE"), "settings go to the service named only");
            assertTrue(Files.isRegularFile(suite.log("compliance")));
            assertEquals(3, suite.token("maria", Set.of("learner"), null, null).split("\\.").length);

            int port = URI.create(suite.serviceUrl("compliance")).getPort();
            suite.killService("compliance");
            assertTrue(SuiteRun.isFree(port), "a killed service frees its port");
            suite.startService("compliance");
            assertEquals("true", SuiteRunTest.settingsOf(port).getProperty("RECERT_CONSUMER_DELIVER_TWICE"),
                    "a restarted service has the same port and settings");
            suite.stopService("catalog");
            suite.startService("catalog");

            Database db = suite.database("credits");
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create table kept (id int)");
                statement.execute("insert into kept values (42)");
            }
            suite.stopPostgres();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()).close());
            suite.startPostgres();
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                 ResultSet row = connection.createStatement().executeQuery("select id from kept")) {
                assertTrue(row.next());
                assertEquals(42, row.getInt(1), "PostgreSQL comes back with its data");
            }
            assertNotEquals(suite.serviceUrl("catalog"), suite.serviceUrl("credits"));
        }
        for (ProcessHandle child : ProcessHandle.current().children().filter(child -> !before.contains(child)).toList()) {
            assertFalse(child.isAlive(), () -> "still running: " + child.info());
        }
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), () -> "still running: " + child.info());
        }
    }

    @Test
    void shouldStartReplicasWithTheSameSettingsOnTheirOwnPortsAndStopThemWithTheSuite() throws Exception {
        for (String module : List.of("catalog-service", "credits-service", "compliance-service", "notification-service", "gateway")) {
            SuiteRunTest.writeFakeServiceJar(root.resolve(module + "/target/quarkus-app/quarkus-run.jar"));
        }
        Suite.Options options = new Suite.Options(root, root.resolve("run"), false,
                Map.of("compliance", Map.of("RECERT_CONSUMER_DELIVER_TWICE", "true")), false, false);
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        List<ProcessHandle> replicas = new ArrayList<>();
        try (Suite suite = Suite.start(options)) {
            Suite.Replica terminated = suite.startReplica("compliance");
            Suite.Replica killed = suite.startReplica("compliance", Map.of("RECERT_CONSUMER_DELIVER_TWICE", "false"));
            Suite.Replica leftRunning = suite.startReplica("credits");
            replicas.addAll(List.of(handle(terminated), handle(killed), handle(leftRunning)));

            int port = URI.create(terminated.url()).getPort();
            assertNotEquals(URI.create(suite.serviceUrl("compliance")).getPort(), port);
            Properties settings = SuiteRunTest.settingsOf(port);
            Properties original = SuiteRunTest.settingsOf(URI.create(suite.serviceUrl("compliance")).getPort());
            assertEquals(Integer.toString(port), settings.getProperty("QUARKUS_HTTP_PORT"));
            for (String shared : List.of("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_PROFILE",
                    "RECERT_CONSUMER_DELIVER_TWICE", "RECERT_EXIT_WITH_PARENT", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
                assertEquals(original.getProperty(shared), settings.getProperty(shared), shared + " as the suite's instance");
            }
            assertEquals("false", SuiteRunTest.settingsOf(URI.create(killed.url()).getPort())
                    .getProperty("RECERT_CONSUMER_DELIVER_TWICE"), "a replica's own settings win");
            assertEquals(suite.database("credits").jdbcUrl(), SuiteRunTest.settingsOf(URI.create(leftRunning.url()).getPort())
                    .getProperty("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals(3, Set.of(terminated.log(), killed.log(), leftRunning.log()).size(), "a log each");
            assertNotEquals(suite.log("compliance"), terminated.log());
            assertTrue(Files.isRegularFile(terminated.log()));

            assertEquals(143, terminated.terminate(), "a JVM ends by SIGTERM with 128 + 15");
            assertTrue(SuiteRun.isFree(port), "a terminated replica frees its port");
            killed.kill();
            assertFalse(killed.isAlive());
            killed.close();
            assertTrue(leftRunning.isAlive());
            assertTrue(handle(leftRunning).isAlive());
        }
        for (ProcessHandle replica : replicas) {
            assertFalse(replica.isAlive(), () -> "the suite stops its replicas: " + replica.info());
        }
        for (ProcessHandle child : ProcessHandle.current().children().filter(child -> !before.contains(child)).toList()) {
            assertFalse(child.isAlive(), () -> "still running: " + child.info());
        }
    }

    private static ProcessHandle handle(Suite.Replica replica) {
        return ProcessHandle.of(replica.pid()).orElseThrow();
    }
}
