package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/k8s: the base and every overlay render, match the Kubernetes API schema, and run the services well. */
class KubernetesManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void shouldRenderAndMatchTheKubernetesApiSchema(String kustomization) {
        Manifests manifests = Manifests.render(kustomization);

        List<String> violations = manifests.all().stream().map(KubernetesSchema::violation)
                .filter(Objects::nonNull).toList();

        assertThat(manifests.all()).hasSizeGreaterThan(30);
        assertThat(violations).as("documents that do not match the Kubernetes API schema").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldGiveEveryServiceItsAccountServiceAutoscalerAndDisruptionBudget(String overlay) {
        Manifests manifests = Manifests.render(overlay);

        for (ServiceModule service : ServiceModule.ALL) {
            String name = service.kubernetesName();
            Map<String, Object> deployment = manifests.get("Deployment", name);
            Map<String, Object> podLabels = Yaml.map(Yaml.at(deployment, "spec", "template", "metadata", "labels"));

            assertThat(Yaml.at(deployment, "spec", "template", "spec", "serviceAccountName")).isEqualTo(name);
            assertThat(manifests.find("ServiceAccount", name)).as(name).isPresent();
            assertThat(labelsSelect(Yaml.map(Yaml.at(manifests.get("Service", name), "spec", "selector")), podLabels))
                    .as("Service %s selects its pods", name).isTrue();
            assertThat(labelsSelect(Yaml.map(Yaml.at(deployment, "spec", "selector", "matchLabels")), podLabels)).isTrue();
            assertThat(labelsSelect(Yaml.map(Yaml.at(manifests.get("PodDisruptionBudget", name), "spec", "selector",
                    "matchLabels")), podLabels)).as("PodDisruptionBudget %s selects its pods", name).isTrue();

            Map<String, Object> hpa = manifests.get("HorizontalPodAutoscaler", name);
            assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(Yaml.at(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
            assertThat(Yaml.at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(name);
            assertThat(((Number) Yaml.at(hpa, "spec", "minReplicas")).intValue())
                    .as("%s: the autoscaler keeps the overlay's replica count", name)
                    .isEqualTo(((Number) Yaml.at(deployment, "spec", "replicas")).intValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldProbeLimitAndConfineEveryServiceContainer(String overlay) {
        Manifests manifests = Manifests.render(overlay);

        for (ServiceModule service : ServiceModule.ALL) {
            Map<String, Object> deployment = manifests.get("Deployment", service.kubernetesName());
            Map<String, Object> container = Manifests.onlyContainer(deployment);
            Map<String, Object> port = Yaml.map(Yaml.list(container.get("ports")).get(0));
            if (service.present()) {
                assertThat(port.get("containerPort")).as(service.name()).isEqualTo(service.httpPort());
            }
            assertThat(port.get("name")).isEqualTo("http");
            assertThat(Yaml.at(container, "startupProbe", "httpGet", "path")).isEqualTo("/q/health/started");
            assertThat(Yaml.at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            assertThat(Yaml.at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(Yaml.at(container, probe, "httpGet", "port")).as(probe).isEqualTo("http");
            }
            for (String bound : List.of("requests", "limits")) {
                assertThat(Yaml.map(Yaml.at(container, "resources", bound))).as("%s %s", service.name(), bound)
                        .containsKeys("cpu", "memory");
            }
            assertThat(String.valueOf(container.get("image"))).startsWith("recert/" + service.module() + ":");
            assertThat(Yaml.at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
            assertThat(Yaml.at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(Yaml.at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(((Number) Yaml.at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds"))
                    .longValue()).as("%s: room for Quarkus' shutdown delay and timeout, then the consumer's commit",
                            service.name()).isGreaterThanOrEqualTo(PlatformShutdown.budget().toSeconds() + 10);
            assertThat(container).as("%s: no preStop pause on top of quarkus.shutdown.delay", service.name())
                    .doesNotContainKey("lifecycle");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldMigrateEachDatabaseOnceInAJobAndNeverInTheReplicas(String overlay) {
        Manifests manifests = Manifests.render(overlay);

        for (ServiceModule service : ServiceModule.domainServices()) {
            Map<String, Object> job = manifests.get("Job", service.kubernetesName() + "-migrate");
            Map<String, Object> migrate = Manifests.onlyContainer(job);
            Map<String, Object> serve = Manifests.onlyContainer(manifests.get("Deployment", service.kubernetesName()));

            assertThat(migrate.get("image")).as("the Job migrates with the release's own image")
                    .isEqualTo(serve.get("image"));
            assertThat(manifests.valueOf(migrate, "QUARKUS_FLYWAY_MIGRATE_AT_START")).contains("true");
            assertThat(manifests.valueOf(migrate, "QUARKUS_INIT_AND_EXIT")).contains("true");
            assertThat(manifests.valueOf(migrate, "QUARKUS_DATASOURCE_JDBC_URL"))
                    .isEqualTo(manifests.valueOf(serve, "QUARKUS_DATASOURCE_JDBC_URL"));
            assertThat(Yaml.at(job, "spec", "template", "spec", "restartPolicy")).isEqualTo("Never");
            assertThat(manifests.valueOf(serve, "QUARKUS_FLYWAY_MIGRATE_AT_START")).contains("false");
            assertThat(manifests.valueOf(serve, "QUARKUS_FLYWAY_VALIDATE_AT_START")).contains("true");
        }
        assertThat(manifests.find("Job", "recert-gateway-migrate")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void shouldReferToDatabaseSecretsWithoutCarryingThem(String kustomization) {
        Manifests manifests = Manifests.render(kustomization);

        assertThat(manifests.ofKind("Secret")).as("secret values never live in the repository").isEmpty();
        for (ServiceModule service : ServiceModule.domainServices()) {
            for (Map<String, Object> workload : List.of(manifests.get("Deployment", service.kubernetesName()),
                    manifests.get("Job", service.kubernetesName() + "-migrate"))) {
                Map<String, String> refs = new java.util.TreeMap<>(secretRefs(Manifests.onlyContainer(workload)));
                if (service.name().equals("compliance")) {
                    assertThat(refs.remove("RECERT_WEBHOOKS_SECRET_KEYS")).as("the key that encrypts webhook secrets")
                            .isEqualTo("recert-compliance-webhooks/secret-keys");
                }
                if (service.name().equals("notifications")) {
                    assertThat(refs.remove("RECERT_NOTIFICATIONS_UNSUBSCRIBE_SECRET")).as("the key of the unsubscribe links")
                            .isEqualTo("recert-notifications-unsubscribe/secret");
                    if ("Deployment".equals(workload.get("kind"))) {
                        assertThat(refs.remove("QUARKUS_MAILER_USERNAME")).as("the SMTP login")
                                .isEqualTo("recert-notifications-smtp/username");
                        assertThat(refs.remove("QUARKUS_MAILER_PASSWORD")).isEqualTo("recert-notifications-smtp/password");
                    }
                }
                assertThat(refs).as(service.name()).containsOnly(
                        Map.entry("QUARKUS_DATASOURCE_USERNAME", service.kubernetesName() + "-db/username"),
                        Map.entry("QUARKUS_DATASOURCE_PASSWORD", service.kubernetesName() + "-db/password"));
            }
        }
        assertThat(secretRefs(Manifests.onlyContainer(manifests.get("Deployment", "recert-gateway")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldGiveEachContainerOnlySettingsItsServiceReads(String overlay) {
        Manifests manifests = Manifests.render(overlay);

        for (ServiceModule service : ServiceModule.ALL) {
            Assumptions.assumeTrue(service.present(), service.module() + " is not in this tree yet");
            ServiceSettings settings = ServiceSettings.of(service);
            List<Map<String, Object>> workloads = new ArrayList<>();
            workloads.add(manifests.get("Deployment", service.kubernetesName()));
            manifests.find("Job", service.kubernetesName() + "-migrate").ifPresent(workloads::add);

            if (settings.reads(ComposeFileTest.DEMO_DATA)) {
                assertThat(manifests.environmentOf(Manifests.onlyContainer(workloads.get(0))))
                        .as("%s reads the demo data switch", service.module()).contains(ComposeFileTest.DEMO_DATA);
            }
            for (Map<String, Object> workload : workloads) {
                assertThat(settings.unread(manifests.environmentOf(Manifests.onlyContainer(workload))))
                        .as("settings given to %s that %s does not read", Yaml.at(workload, "metadata", "name"),
                                service.module())
                        .isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldGiveEachServiceWhatItNeedsToStart(String overlay) {
        Manifests manifests = Manifests.render(overlay);

        for (ServiceModule service : ServiceModule.domainServices()) {
            Map<String, Object> container = Manifests.onlyContainer(manifests.get("Deployment", service.kubernetesName()));
            assertThat(manifests.environmentOf(container)).as(service.name()).contains(
                    "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            assertThat(manifests.valueOf(container, "QUARKUS_DATASOURCE_JDBC_URL").orElseThrow())
                    .endsWith("/" + service.name());
        }
        Map<String, Object> gateway = Manifests.onlyContainer(manifests.get("Deployment", "recert-gateway"));
        for (ServiceModule service : ServiceModule.domainServices()) {
            String url = manifests.valueOf(gateway,
                    "RECERT_GATEWAY_SERVICES_" + service.name().toUpperCase() + "_URL").orElseThrow();
            Map<String, Object> target = manifests.get("Service", service.kubernetesName());
            Object servicePort = Yaml.map(Yaml.list(Yaml.at(target, "spec", "ports")).get(0)).get("port");
            assertThat(url).isEqualTo("http://" + service.kubernetesName() + ":" + servicePort);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldRunTheOverlaysReplicaCountsAndLogFormat(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        int replicas = overlay.equals("prod") ? 3 : 1;
        String json = overlay.equals("prod") ? "true" : "false";

        for (ServiceModule service : ServiceModule.ALL) {
            Map<String, Object> deployment = manifests.get("Deployment", service.kubernetesName());
            assertThat(Yaml.at(deployment, "spec", "replicas")).as(service.name()).isEqualTo(replicas);
            assertThat(Yaml.at(deployment, "metadata", "namespace"))
                    .isEqualTo(overlay.equals("prod") ? "recert" : "recert-dev");
            assertThat(manifests.valueOf(Manifests.onlyContainer(deployment), "QUARKUS_LOG_CONSOLE_JSON_ENABLED"))
                    .contains(json);
        }
        assertThat(manifests.ofKind("Namespace")).hasSize(1);
    }

    @org.junit.jupiter.api.Test
    void shouldExportTracesInProductionToAConfigurableOtlpEndpoint() {
        Manifests prod = Manifests.render("prod");
        Map<String, Object> common = prod.configMap("recert-common").orElseThrow();

        assertThat(Yaml.map(common.get("data")))
                .containsEntry("QUARKUS_OTEL_SDK_DISABLED", "false")
                .containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    @org.junit.jupiter.api.Test
    void shouldCreateTopicsOnThreeBrokersWithTwoInSyncInProduction() {
        Map<String, Object> events = Yaml.map(Manifests.render("prod").configMap("recert-events").orElseThrow().get("data"));

        assertThat(events).containsEntry("RECERT_KAFKA_REPLICATION_FACTOR", "3").containsEntry("RECERT_KAFKA_MIN_INSYNC_REPLICAS", "2");
    }

    @org.junit.jupiter.api.Test
    void shouldVerifyDevTokensWithTheClustersOwnKeyFromASecretAndNeverTheCommittedDevstackKey() throws Exception {
        Manifests dev = Manifests.render("dev");
        String devstackKey = Repo.read(Repo.path("devstack/core/src/main/resources/META-INF/recert/dev-keys/public.pem")).strip();
        String devstackKeyBody = devstackKey.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();

        assertThat(dev.configMap("recert-jwt-dev")).isEmpty();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(Repo.path("deploy/k8s"))) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile).map(Repo::read))
                    .as("no file of deploy/k8s carries the devstack key or any private key")
                    .noneMatch(text -> text.contains(devstackKeyBody) || text.contains("PRIVATE KEY"));
        }
        for (ServiceModule service : ServiceModule.ALL.stream().filter(ServiceModule::verifiesTokens).toList()) {
            Map<String, Object> deployment = dev.get("Deployment", service.kubernetesName());
            Map<String, Object> container = Manifests.onlyContainer(deployment);
            assertThat(dev.valueOf(container, "RECERT_SECURITY_LOCAL_ISSUER_TRUSTED")).as(service.name()).contains("true");
            assertThat(dev.valueOf(container, "RECERT_SECURITY_LOCAL_ISSUER_PUBLIC_KEY_LOCATION"))
                    .contains("file:/etc/recert/jwt/public.pem");
            assertThat(Yaml.list(container.get("volumeMounts")).stream().map(Yaml::map)
                    .anyMatch(m -> "/etc/recert/jwt".equals(m.get("mountPath")))).as(service.name()).isTrue();
            assertThat(Yaml.list(Yaml.at(deployment, "spec", "template", "spec", "volumes")).stream().map(Yaml::map)
                    .filter(v -> "jwt-dev-key".equals(v.get("name"))).map(v -> Yaml.at(v, "secret", "secretName")))
                    .as(service.name()).containsExactly("recert-jwt-dev");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldServeTheWebAppThroughTheGatewaySigningInAtTheOidcProviderTheServicesTrust(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, Object> gateway = Manifests.onlyContainer(manifests.get("Deployment", "recert-gateway"));
        Map<String, Object> web = Manifests.onlyContainer(manifests.get("Deployment", "recert-web"));
        Map<String, Object> catalog = Manifests.onlyContainer(manifests.get("Deployment", "recert-catalog"));

        assertThat(manifests.valueOf(gateway, "RECERT_GATEWAY_WEB_URL")).contains("http://recert-web:8085");
        assertThat(manifests.valueOf(web, "RECERT_WEB_GATEWAY_URL")).contains("http://recert-gateway:8080");
        assertThat(secretRefs(web)).containsOnly(Map.entry("RECERT_WEB_SESSION_SECRET", "recert-web-session/secret"));
        assertThat(manifests.valueOf(web, "QUARKUS_OIDC_CLIENT_ID")).contains("recert-web");
        assertThat(Yaml.list(Yaml.at(manifests.get("Ingress", "recert-gateway"), "spec", "rules")).stream()
                .flatMap(rule -> Yaml.list(Yaml.at(Yaml.map(rule), "http", "paths")).stream())
                .map(path -> Yaml.map(path).get("path"))).as("the web app at /, the API under it").contains("/");
        for (String setting : List.of("MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "SMALLRYE_JWT_PATH_GROUPS")) {
            assertThat(manifests.valueOf(gateway, setting)).as(setting).isEqualTo(manifests.valueOf(catalog, setting)).isPresent();
        }
        assertThat(manifests.valueOf(gateway, "SMALLRYE_JWT_PATH_GROUPS")).contains("realm_access/roles");
        if (overlay.equals("prod")) {
            // any OIDC provider, by configuration: the web app signs in where the services' tokens come from
            assertThat(manifests.valueOf(web, "QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo(manifests.valueOf(gateway, "MP_JWT_VERIFY_ISSUER"));
            assertThat(manifests.valueOf(gateway, "MP_JWT_VERIFY_AUDIENCES")).contains("recert");
            assertThat(manifests.valueOf(catalog, "MP_JWT_VERIFY_AUDIENCES")).contains("recert");
            assertThat(manifests.valueOf(web, "QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH")).contains("realm_access/roles");
            assertThat(manifests.find("Deployment", "recert-keycloak")).isEmpty();
        } else {
            // the cluster's own Keycloak: the web app reaches it by its Service; the realm's issuer is its public host
            Map<String, Object> keycloak = manifests.get("Deployment", "recert-keycloak");
            assertThat(manifests.valueOf(web, "QUARKUS_OIDC_AUTH_SERVER_URL")).contains("http://recert-keycloak:8180/realms/recert");
            assertThat(manifests.valueOf(Manifests.onlyContainer(keycloak), "KC_HOSTNAME").orElseThrow() + "/realms/recert")
                    .isEqualTo(manifests.valueOf(gateway, "MP_JWT_VERIFY_ISSUER").orElseThrow());
            assertThat(String.valueOf(Manifests.onlyContainer(keycloak).get("image")))
                    .endsWith(":" + Repo.rootPomProperty("keycloak.version"));
        }
    }

    private static Map<String, String> secretRefs(Map<String, Object> container) {
        Map<String, String> refs = new java.util.TreeMap<>();
        for (Object entry : Yaml.list(container.get("env"))) {
            Map<String, Object> env = Yaml.map(entry);
            Object ref = Yaml.at(env, "valueFrom", "secretKeyRef");
            if (ref != null) {
                refs.put(String.valueOf(env.get("name")),
                        Yaml.map(ref).get("name") + "/" + Yaml.map(ref).get("key"));
            }
        }
        return refs;
    }

    private static boolean labelsSelect(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> Objects.equals(e.getValue(), labels.get(e.getKey())));
    }
}
