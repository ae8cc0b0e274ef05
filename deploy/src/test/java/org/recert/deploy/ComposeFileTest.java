package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: accepted by docker-compose, and every service wired to what it really reads and listens on. */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Repo.path("docker-compose.yml");
    private static final Pattern INIT_DATABASE = Pattern.compile("^create_service_database (\\w+) ", Pattern.MULTILINE);

    /** Optional switches: a service that reads one must get it, so that one variable turns it on everywhere. */
    static final String DEMO_DATA = "RECERT_DEMO_DATA_ENABLED";

    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() {
        compose = Yaml.load(Repo.read(COMPOSE_FILE));
    }

    @Test
    void shouldBeAcceptedByDockerComposeWithoutAnEngine() {
        Tools.Result result = dockerComposeConfig(Map.of());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, Object> rendered = Yaml.load(result.stdout());
        assertThat(Yaml.map(rendered.get("services")).keySet())
                .containsExactlyInAnyOrder("postgres", "kafka", "catalog", "credits", "compliance", "gateway",
                        "notifications", "mail", "keycloak", "web");
    }

    @Test
    void shouldGiveEachServiceTimeToFinishItsShutdownBeforeTheKill() {
        Map<String, Object> rendered = Yaml.load(dockerComposeConfig(Map.of()).stdout());

        for (ServiceModule service : ServiceModule.ALL) {
            Object grace = Yaml.at(rendered, "services", service.name(), "stop_grace_period");
            assertThat(PlatformShutdown.seconds(String.valueOf(grace))).as("%s: shutdown delay and drain, then a margin", service.name())
                    .isGreaterThanOrEqualTo(PlatformShutdown.budget().plusSeconds(10));
        }
    }

    @Test
    void shouldLoadDemoDataOnlyWhenAskedTo() {
        Map<String, Object> byDefault = Yaml.load(dockerComposeConfig(Map.of()).stdout());
        Map<String, Object> withDemo = Yaml.load(dockerComposeConfig(Map.of("RECERT_DEMO_DATA_ENABLED", "true")).stdout());

        List<ServiceModule> withDemoData = ServiceModule.ALL.stream().filter(ServiceModule::present)
                .filter(s -> ServiceSettings.of(s).reads(DEMO_DATA)).toList();
        assertThat(withDemoData).isNotEmpty();
        for (ServiceModule service : withDemoData) {
            assertThat(String.valueOf(Yaml.at(byDefault, "services", service.name(), "environment",
                    "RECERT_DEMO_DATA_ENABLED"))).as(service.name()).isEqualTo("false");
            assertThat(String.valueOf(Yaml.at(withDemo, "services", service.name(), "environment",
                    "RECERT_DEMO_DATA_ENABLED"))).as(service.name()).isEqualTo("true");
        }
    }

    @Test
    void shouldBuildEachServiceFromItsModuleWithANonRootJvmImage() {
        for (ServiceModule service : ServiceModule.ALL) {
            Map<String, Object> build = Yaml.map(Yaml.at(compose, "services", service.name(), "build"));
            assertThat(build.get("context")).as(service.name()).isEqualTo("./" + service.module());
            Path dockerfile = service.dir().resolve(String.valueOf(build.get("dockerfile")));
            assertThat(dockerfile).as(service.name()).isRegularFile()
                    .endsWith(Path.of("src/main/docker/Dockerfile.jvm"));

            String text = Repo.read(dockerfile);
            assertThat(text).as(service.name())
                    .containsPattern("(?m)^FROM eclipse-temurin:17-jre")
                    .contains("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/")
                    .containsPattern("(?m)^USER \\$\\{APP_UID}")
                    .containsPattern("(?m)^ARG APP_UID=[1-9][0-9]{3,}")
                    .contains("exec java");
            if (service.present()) {
                assertThat(text).as(service.name()).containsPattern("(?m)^EXPOSE " + service.httpPort() + "$");
            }
        }
    }

    @Test
    void shouldRunEveryImageWithTheHeapDevstackMeasuresWith() {
        // devstack's ServiceProcess is what bench/run measures: the images must run the flags it runs
        String devstack = Repo.read(Repo.path("devstack", "core", "src", "main", "java", "org", "recert", "devstack",
                "ServiceProcess.java"));
        Matcher declared = Pattern.compile("HEAP_FOR_512_MIB = List\\.of\\(([^;]+)\\);").matcher(devstack);
        assertThat(declared.find()).as("ServiceProcess.HEAP_FOR_512_MIB").isTrue();
        List<String> heap = Pattern.compile("\"([^\"]+)\"").matcher(declared.group(1)).results().map(m -> m.group(1)).toList();
        assertThat(heap).contains("-XX:+UseSerialGC", "-XX:MaxNewSize=32m");
        for (ServiceModule service : ServiceModule.ALL) {
            String text = Repo.read(service.dir().resolve("src/main/docker/Dockerfile.jvm"));
            Matcher options = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(text);
            assertThat(options.find()).as(service.name() + " JAVA_OPTS").isTrue();
            assertThat(List.of(options.group(1).split(" "))).as(service.name())
                    .contains("-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError").containsAll(heap);
            assertThat(text).as(service.name()).contains("MALLOC_ARENA_MAX=2");
        }
    }

    @Test
    void shouldProbeEachServiceOnItsOwnPortAndReadinessEndpoint() {
        for (ServiceModule service : ServiceModule.ALL) {
            Assumptions.assumeTrue(service.present(), service.module() + " is not in this tree yet");
            int port = service.httpPort();
            String probe = String.join(" ", Yaml.list(Yaml.at(compose, "services", service.name(), "healthcheck", "test"))
                    .stream().map(String::valueOf).toList());

            assertThat(probe).as(service.name()).contains("/dev/tcp/127.0.0.1/" + port, "GET /q/health/ready", " 200 ");
            List<String> exposed = new ArrayList<>(Yaml.list(Yaml.at(compose, "services", service.name(), "expose"))
                    .stream().map(String::valueOf).toList());
            Yaml.list(Yaml.at(compose, "services", service.name(), "ports")).stream().map(String::valueOf)
                    .map(mapping -> mapping.substring(mapping.lastIndexOf(':') + 1)).forEach(exposed::add);
            assertThat(exposed).as(service.name()).contains(String.valueOf(port));
        }
    }

    @Test
    void shouldPublishOnlyTheGatewayOn8080OfTheLoopback() {
        assertThat(Yaml.list(Yaml.at(compose, "services", "gateway", "ports"))).containsExactly("127.0.0.1:8080:8080");
        for (ServiceModule service : ServiceModule.ALL.stream().filter(s -> !s.name().equals("gateway")).toList()) {
            assertThat(Yaml.at(compose, "services", service.name(), "ports")).as(service.name()).isNull();
        }
    }

    @Test
    void shouldStartEachServiceOnlyOnceWhatItNeedsIsHealthy() {
        for (ServiceModule service : ServiceModule.domainServices()) {
            assertThat(dependencies(service.name())).as(service.name())
                    .containsEntry("postgres", "service_healthy")
                    .containsEntry("kafka", "service_healthy");
        }
        assertThat(dependencies("gateway")).containsOnly(
                Map.entry("catalog", "service_healthy"),
                Map.entry("credits", "service_healthy"),
                Map.entry("compliance", "service_healthy"),
                Map.entry("notifications", "service_healthy"));
        for (String name : Yaml.map(compose.get("services")).keySet()) {
            assertThat(Yaml.at(compose, "services", name, "healthcheck", "test")).as(name + " health check").isNotNull();
        }
    }

    @Test
    void shouldGiveEachServiceOnlySettingsItReads() {
        for (ServiceModule service : ServiceModule.ALL) {
            Assumptions.assumeTrue(service.present(), service.module() + " is not in this tree yet");
            Map<String, Object> environment = Yaml.map(Yaml.at(compose, "services", service.name(), "environment"));

            ServiceSettings settings = ServiceSettings.of(service);

            assertThat(settings.unread(environment.keySet()))
                    .as("settings in docker-compose.yml that %s does not read", service.module())
                    .isEmpty();
            if (settings.reads(DEMO_DATA)) {
                assertThat(environment).as("%s reads the demo data switch", service.module()).containsKey(DEMO_DATA);
            }
        }
    }

    @Test
    void shouldGiveEachDomainServiceItsOwnDatabaseKafkaAndTokenKey() {
        String initScript = Repo.read(Repo.path("deploy/compose/initdb/10-recert-databases.sh"));
        List<String> created = new ArrayList<>();
        Matcher matcher = INIT_DATABASE.matcher(initScript);
        while (matcher.find()) {
            created.add(matcher.group(1));
        }
        assertThat(created).containsExactlyInAnyOrder("catalog", "credits", "compliance", "notifications");
        assertThat(Yaml.list(Yaml.at(compose, "services", "postgres", "volumes")))
                .contains("./deploy/compose/initdb:/docker-entrypoint-initdb.d:ro");

        for (ServiceModule service : ServiceModule.domainServices()) {
            Map<String, Object> env = Yaml.map(Yaml.at(compose, "services", service.name(), "environment"));
            assertThat(env).as(service.name())
                    .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/" + service.name())
                    .containsEntry("QUARKUS_DATASOURCE_USERNAME", service.name())
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsKeys("QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            String password = "${RECERT_" + service.name().toUpperCase() + "_DB_PASSWORD:-";
            assertThat(String.valueOf(env.get("QUARKUS_DATASOURCE_PASSWORD"))).startsWith(password);
            assertThat(String.valueOf(Yaml.at(compose, "services", "postgres", "environment",
                    "RECERT_" + service.name().toUpperCase() + "_DB_PASSWORD"))).startsWith(password);
        }
    }

    @Test
    void shouldRouteTheGatewayToEachServiceByItsComposeNameAndPort() {
        Map<String, Object> env = Yaml.map(Yaml.at(compose, "services", "gateway", "environment"));
        for (ServiceModule service : ServiceModule.domainServices()) {
            assertThat(env).containsEntry("RECERT_GATEWAY_SERVICES_" + service.name().toUpperCase() + "_URL",
                    "http://" + service.name() + ":" + service.httpPort());
        }
        assertThat(env).containsKeys("MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    @Test
    void shouldVerifyTheRealmsTokensAndTheDevMintsWithTheDevstackPublicKeyMountedInEveryService() {
        String realm = "http://localhost:8180/realms/recert";
        for (ServiceModule service : ServiceModule.ALL.stream().filter(ServiceModule::verifiesTokens).toList()) {
            Map<String, Object> env = Yaml.map(Yaml.at(compose, "services", service.name(), "environment"));
            // the keycloak service's realm: the issuer the browser sees, its keys fetched inside the network
            assertThat(env).as(service.name()).containsEntry("MP_JWT_VERIFY_ISSUER", realm)
                    .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://keycloak:8180/realms/recert/protocol/openid-connect/certs")
                    .containsEntry("SMALLRYE_JWT_PATH_GROUPS", "realm_access/roles")
                    .containsEntry("RECERT_SECURITY_LOCAL_ISSUER_TRUSTED", "true");
            // and the dev token mint's, with the devstack public key mounted
            String location = String.valueOf(env.get("RECERT_SECURITY_LOCAL_ISSUER_PUBLIC_KEY_LOCATION"));
            assertThat(location).as(service.name()).startsWith("file:");
            String mounted = location.substring("file:".length());
            String volume = Yaml.list(Yaml.at(compose, "services", service.name(), "volumes")).stream()
                    .map(String::valueOf).filter(v -> v.contains(":" + mounted + ":")).findFirst()
                    .orElseThrow(() -> new AssertionError(service.name() + " does not mount " + mounted));
            assertThat(Repo.path(volume.substring(0, volume.indexOf(':')))).isRegularFile();
        }
        for (ServiceModule service : ServiceModule.ALL) {
            boolean signs = Yaml.list(Yaml.at(compose, "services", service.name(), "volumes")).stream()
                    .anyMatch(v -> String.valueOf(v).contains("private.pem"));
            assertThat(signs).as("%s holds the private key", service.name()).isEqualTo(service.name().equals("gateway"));
        }
        String signKey = String.valueOf(Yaml.at(compose, "services", "gateway", "environment",
                "SMALLRYE_JWT_SIGN_KEY_LOCATION"));
        assertThat(Yaml.list(Yaml.at(compose, "services", "gateway", "volumes")).stream().map(String::valueOf))
                .anyMatch(v -> v.endsWith(":" + signKey.substring("file:".length()) + ":ro")
                        && Files.isRegularFile(Repo.path(v.substring(0, v.indexOf(':')))));
    }

    @Test
    void shouldSignPeopleInAtTheKeycloakServiceWithTheRealmOfDevstack() {
        Map<String, Object> web = Yaml.map(Yaml.at(compose, "services", "web", "environment"));
        assertThat(web).containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://keycloak:8180/realms/recert")
                .containsEntry("QUARKUS_OIDC_CLIENT_ID", "recert-web")
                .containsEntry("RECERT_WEB_GATEWAY_URL", "http://gateway:8080")
                .containsKey("RECERT_WEB_SESSION_SECRET");
        assertThat(Yaml.at(compose, "services", "gateway", "environment", "RECERT_GATEWAY_WEB_URL")).isEqualTo("http://web:8085");
        assertThat(dependencies("web")).containsEntry("keycloak", "service_healthy");

        Map<String, Object> keycloak = Yaml.map(Yaml.at(compose, "services", "keycloak"));
        assertThat(String.valueOf(keycloak.get("image"))).endsWith(":" + Repo.rootPomProperty("keycloak.version"));
        assertThat(Yaml.list(keycloak.get("volumes")).stream().map(String::valueOf))
                .anyMatch(v -> v.endsWith(":/opt/keycloak/data/import/recert-realm.json:ro")
                        && Files.isRegularFile(Repo.path(v.substring(0, v.indexOf(':')))));
        assertThat(Yaml.list(keycloak.get("ports"))).containsExactly("127.0.0.1:8180:8180");
        assertThat(Yaml.at(keycloak, "environment", "KC_HOSTNAME")).as("the issuer of the services' MP_JWT_VERIFY_ISSUER")
                .isEqualTo("http://localhost:8180");
    }

    @Test
    void shouldRunTheKafkaAndPostgresqlVersionsTheServicesAreTestedWith() {
        assertThat(Yaml.at(compose, "services", "kafka", "image"))
                .isEqualTo("apache/kafka:" + Repo.rootPomProperty("kafka.version"));
        String postgresMajor = Repo.rootPomProperty("postgres-binaries.version").split("\\.")[0];
        assertThat(Yaml.at(compose, "services", "postgres", "image")).isEqualTo("postgres:" + postgresMajor);
        assertThat(String.valueOf(Yaml.at(compose, "services", "kafka", "environment", "CLUSTER_ID")))
                .as("a KRaft cluster id is 16 bytes in base64url").matches("[A-Za-z0-9_-]{22}");
    }

    private static Map<String, String> dependencies(String service) {
        Map<String, String> conditions = new LinkedHashMap<>();
        Yaml.map(Yaml.at(compose, "services", service, "depends_on")).forEach((name, spec) ->
                conditions.put(name, String.valueOf(Yaml.map(spec).get("condition"))));
        return conditions;
    }

    private static Tools.Result dockerComposeConfig(Map<String, String> env) {
        Path dockerCompose = Tools.require("deploy/install-tools.sh (apt-get install docker-compose)", "docker-compose");
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.putIfAbsent("RECERT_DEMO_DATA_ENABLED", "false");
        Tools.Result result = Tools.run(List.of(dockerCompose.toString(), "-f", COMPOSE_FILE.toString(), "config"),
                Repo.root(), environment);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.exists(COMPOSE_FILE)).isTrue();
        return result;
    }
}
