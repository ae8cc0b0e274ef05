package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.recert.deploy.NetworkReach.Endpoint;

/**
 * The rendered NetworkPolicies, evaluated on the pods they would meet: only the gateway reaches the services, only
 * the services (and their migration Jobs) reach PostgreSQL and Kafka, and only the ingress controller reaches the
 * gateway.
 */
class NetworkPolicyTest {

    private static final Map<String, String> POSTGRES = Map.of("cnpg.io/cluster", "recert-postgres");
    private static final Map<String, String> KAFKA = Map.of("strimzi.io/cluster", "recert-kafka");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLetOnlyTheGatewayReachTheServices(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        Endpoint gateway = cluster.pod("Deployment", "recert-gateway");

        for (ServiceModule service : ServiceModule.domainServices()) {
            Endpoint target = cluster.pod("Deployment", service.kubernetesName());
            int port = service.httpPort();
            assertThat(cluster.reach.allows(gateway, target, port)).as("gateway -> %s", service.name()).isTrue();
            assertThat(cluster.reach.allows(cluster.stranger, target, port)).as("another pod -> %s", service.name())
                    .isFalse();
            assertThat(cluster.reach.allows(cluster.ingressController, target, port))
                    .as("ingress controller -> %s", service.name()).isFalse();
            assertThat(cluster.reach.allows(cluster.scraper, target, port)).as("metrics scraper -> %s", service.name())
                    .isTrue();
            for (ServiceModule other : ServiceModule.domainServices()) {
                if (!other.equals(service)) {
                    assertThat(cluster.reach.allows(cluster.pod("Deployment", other.kubernetesName()), target, port))
                            .as("%s -> %s", other.name(), service.name()).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLetOnlyTheIngressControllerReachTheGateway(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        Endpoint gateway = cluster.pod("Deployment", "recert-gateway");

        assertThat(cluster.reach.allows(cluster.ingressController, gateway, 8080)).isTrue();
        assertThat(cluster.reach.allows(cluster.stranger, gateway, 8080)).isFalse();
        assertThat(cluster.reach.allows(cluster.elsewhere, gateway, 8080)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLetOnlyTheGatewayReachTheWebAppAndTheWebAppOnlyTheGateway(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        Endpoint gateway = cluster.pod("Deployment", "recert-gateway");
        Endpoint web = cluster.pod("Deployment", "recert-web");

        assertThat(cluster.reach.allows(gateway, web, 8085)).as("gateway -> web").isTrue();
        assertThat(cluster.reach.allows(web, gateway, 8080)).as("web -> gateway (the API)").isTrue();
        assertThat(cluster.reach.allows(cluster.ingressController, web, 8085)).as("ingress controller -> web").isFalse();
        assertThat(cluster.reach.allows(cluster.stranger, web, 8085)).as("another pod -> web").isFalse();
        for (ServiceModule service : ServiceModule.domainServices()) {
            assertThat(cluster.reach.allows(web, cluster.pod("Deployment", service.kubernetesName()), service.httpPort()))
                    .as("web -> %s: only through the gateway", service.name()).isFalse();
        }
        assertThat(cluster.reach.allows(web, cluster.postgres, 5432)).as("web -> PostgreSQL").isFalse();
        assertThat(cluster.reach.allows(web, cluster.kafka, 9092)).as("web -> Kafka").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLetOnlyTheServicesReachPostgresqlAndKafka(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));

        for (ServiceModule service : ServiceModule.domainServices()) {
            for (Endpoint client : List.of(cluster.pod("Deployment", service.kubernetesName()),
                    cluster.pod("Job", service.kubernetesName() + "-migrate"))) {
                assertThat(cluster.reach.allows(client, cluster.postgres, 5432)).as("%s -> PostgreSQL", client).isTrue();
                assertThat(cluster.reach.allows(client, cluster.kafka, 9092)).as("%s -> Kafka", client).isTrue();
                assertThat(cluster.reach.allows(client, cluster.dns, 53, "UDP")).as("%s -> DNS", client).isTrue();
                assertThat(cluster.reach.allows(client, cluster.stranger, 8080)).as("%s -> another pod", client)
                        .isFalse();
            }
        }
        Endpoint gateway = cluster.pod("Deployment", "recert-gateway");
        assertThat(cluster.reach.allows(gateway, cluster.postgres, 5432)).as("gateway -> PostgreSQL").isFalse();
        assertThat(cluster.reach.allows(gateway, cluster.kafka, 9092)).as("gateway -> Kafka").isFalse();
        assertThat(cluster.reach.allows(gateway, cluster.dns, 53, "UDP")).as("gateway -> DNS").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldDenyWhatNoPolicyAllows(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        Endpoint catalog = cluster.pod("Deployment", "recert-catalog");

        assertThat(cluster.reach.allows(catalog, cluster.internet, 80)).isFalse();
        assertThat(cluster.reach.allows(catalog, cluster.elsewhere, 5432)).isFalse();
        assertThat(cluster.reach.allows(cluster.pod("Deployment", "recert-gateway"), cluster.internet, 80)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLetOnlyTheNotificationServiceReachAnSmtpRelay(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        Endpoint notifications = cluster.pod("Deployment", "recert-notifications");

        assertThat(cluster.reach.allows(notifications, cluster.internet, 587)).as("notifications -> SMTP submission").isTrue();
        assertThat(cluster.reach.allows(notifications, cluster.internet, 80)).as("notifications -> the web").isFalse();
        assertThat(cluster.reach.allows(cluster.pod("Job", "recert-notifications-migrate"), cluster.internet, 587))
                .as("its migration Job sends nothing").isFalse();
        assertThat(cluster.reach.allows(cluster.pod("Deployment", "recert-compliance"), cluster.internet, 587)).isFalse();
    }

    /** The pods of one rendered overlay and the neighbours they might meet. */
    private static final class Cluster {
        final Manifests manifests;
        final String namespace;
        final NetworkReach reach;
        final Endpoint postgres;
        final Endpoint kafka;
        final Endpoint stranger;
        final Endpoint ingressController;
        final Endpoint scraper;
        final Endpoint elsewhere;
        final Endpoint dns;
        final Endpoint internet = Endpoint.outside("a host on the internet", "203.0.113.7");
        private int nextIp = 10;

        Cluster(Manifests manifests) {
            this.manifests = manifests;
            this.namespace = String.valueOf(Yaml.at(manifests.get("Deployment", "recert-gateway"), "metadata",
                    "namespace"));
            this.reach = new NetworkReach(namespace, manifests.ofKind("NetworkPolicy").stream()
                    .filter(p -> namespace.equals(Yaml.at(p, "metadata", "namespace"))).toList());
            this.postgres = Endpoint.pod("PostgreSQL", namespace, POSTGRES, ip());
            this.kafka = Endpoint.pod("Kafka", namespace, KAFKA, ip());
            this.stranger = Endpoint.pod("another pod of the namespace", namespace, Map.of("app", "stranger"), ip());
            this.ingressController = Endpoint.pod("ingress controller", "ingress-nginx",
                    Map.of("kubernetes.io/metadata.name", "ingress-nginx", "recert.io/ingress-controller", "true"),
                    Map.of("app", "ingress-nginx"), ip());
            this.scraper = Endpoint.pod("Prometheus", "monitoring",
                    Map.of("kubernetes.io/metadata.name", "monitoring", "recert.io/metrics-scraper", "true"),
                    Map.of("app", "prometheus"), ip());
            this.elsewhere = Endpoint.pod("a pod of another namespace", "elsewhere", Map.of("app", "x"), ip());
            this.dns = Endpoint.pod("CoreDNS", "kube-system", Map.of("k8s-app", "kube-dns"), ip());
        }

        Endpoint pod(String kind, String name) {
            Map<String, Object> workload = manifests.get(kind, name);
            Map<String, String> labels = new HashMap<>();
            Yaml.map(Yaml.at(workload, "spec", "template", "metadata", "labels"))
                    .forEach((k, v) -> labels.put(k, String.valueOf(v)));
            return Endpoint.pod(name, namespace, labels, ip());
        }

        private String ip() {
            return "10.42.0." + nextIp++;
        }
    }
}
