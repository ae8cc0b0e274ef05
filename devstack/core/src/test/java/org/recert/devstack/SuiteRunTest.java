package org.recert.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher against a real PostgreSQL and Kafka, with stand-ins for the services' jars. */
class SuiteRunTest {

    @TempDir
    Path root;

    @Test
    void shouldStartWhatIsBuiltSayWhatIsMissingAndLeaveNothingRunningAfterClose() throws Exception {
        SuiteOptions options = new SuiteOptions(FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick(),
                FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick(),
                FreePort.pick());
        writeFakeServiceJar(root.resolve("catalog-service/target/quarkus-app/quarkus-run.jar"));
        writeFakeServiceJar(root.resolve("gateway/target/quarkus-app/quarkus-run.jar"));
        SuiteHome home = new SuiteHome(root);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // no identity provider: Keycloak has its own test (KeycloakServerTest)
        SuiteRun.Launch launch = new SuiteRun.Launch(true, false, false, Map.of(), ServiceProcess.QUICK_START_JVM, false);
        SuiteRun run = new SuiteRun(home, options, launch, new PrintStream(printed, true, StandardCharsets.UTF_8));
        home.claim();
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        List<ProcessHandle> children;
        Path runDirectory;
        try {
            String banner = run.start();
            children = ProcessHandle.current().children().filter(child -> !before.contains(child)).toList();
            assertEquals(3, children.size(), () -> "the broker and two services: " + children);
            runDirectory = home.dir().resolve("run-" + ProcessHandle.current().pid());

            String output = printed.toString(StandardCharsets.UTF_8);
            assertTrue(output.contains("Not built, skipped: credits-service"), output);
            assertTrue(output.contains("Not built, skipped: compliance-service"), output);
            assertTrue(banner.contains("http://localhost:" + options.gatewayPort() + "/q/swagger-ui"), banner);
            assertTrue(banner.contains("export MARIA=ey"), banner);
            assertEquals(banner, Files.readString(home.bannerFile()), "the banner is the sign of readiness for --detach");
            assertEquals(List.of("catalog-service", "gateway"), run.running().stream().map(SuiteService::name).toList());

            Properties catalog = settingsOf(options.catalogPort());
            assertEquals("local", catalog.getProperty("QUARKUS_PROFILE"));
            assertEquals("127.0.0.1", catalog.getProperty("QUARKUS_HTTP_HOST"));
            assertEquals("true", catalog.getProperty("RECERT_DEMO_DATA_ENABLED"));
            assertEquals("true", catalog.getProperty("RECERT_EXIT_WITH_PARENT"));
            assertEquals("127.0.0.1:" + options.kafkaPort(), catalog.getProperty("KAFKA_BOOTSTRAP_SERVERS"));
            assertEquals("jdbc:postgresql://127.0.0.1:" + options.postgresPort() + "/catalog", catalog.getProperty("QUARKUS_DATASOURCE_JDBC_URL"));
            assertTrue(Files.readString(Path.of(catalog.getProperty("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))).contains("BEGIN PUBLIC KEY"));
            try (Connection connection = DriverManager.getConnection(catalog.getProperty("QUARKUS_DATASOURCE_JDBC_URL"), "catalog", "catalog");
                 ResultSet row = connection.createStatement().executeQuery("select current_database()")) {
                row.next();
                assertEquals("catalog", row.getString(1));
            }

            Properties gateway = settingsOf(options.gatewayPort());
            assertEquals("http://127.0.0.1:" + options.catalogPort(), gateway.getProperty("RECERT_GATEWAY_SERVICES_CATALOG_URL"));
            assertEquals("true", gateway.getProperty("RECERT_GATEWAY_DEV_TOKENS_ENABLED"));
            assertEquals("", gateway.getProperty("QUARKUS_DATASOURCE_JDBC_URL"), "the gateway has no database");
        } finally {
            run.close();
        }

        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), () -> "still running: " + child.info());
        }
        assertFalse(Files.exists(runDirectory), "the run directory is removed");
        assertFalse(Files.exists(home.bannerFile()));
        assertFalse(Files.exists(home.pidFile()));
        assertTrue(SuiteRun.isFree(options.postgresPort()) && SuiteRun.isFree(options.kafkaPort())
                && SuiteRun.isFree(options.catalogPort()) && SuiteRun.isFree(options.gatewayPort()), "every port is free again");
    }

    static Properties settingsOf(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/env")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Properties settings = new Properties();
        settings.load(new StringReader(body));
        return settings;
    }

    /** A runnable jar whose manifest points back at the test classes, like quarkus-run.jar points at its lib/. */
    static void writeFakeServiceJar(Path jar) throws Exception {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            // the manifest is all it needs
        }
    }
}
