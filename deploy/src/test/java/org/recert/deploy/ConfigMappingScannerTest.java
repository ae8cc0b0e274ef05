package org.recert.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The scanner the settings checks rest on: every shape of @ConfigMapping it meets in the services. */
class ConfigMappingScannerTest {

    @Test
    void shouldNameEveryLeafOfAMappingTheWaySmallRyeConfigDoes() throws URISyntaxException {
        List<String> settings = ConfigMappingScanner.settings(fixture()).stream().map(s -> String.join(".", s)).toList();

        assertThat(settings).containsExactlyInAnyOrder(
                "shop.max-basket-size",
                "shop.warehouses.*.lead-time",
                "shop.warehouses.*.url",
                "shop.payment.providers.*",
                "shop.tax-rate",
                "shop.per-day",
                "shop.currencies",
                "shop.banner-text");
    }

    @Test
    void shouldMatchEnvironmentVariablesOfMapKeysAndRejectNearMisses() {
        ServiceSettings gateway = ServiceSettings.of(ServiceModule.named("gateway"));
        ServiceSettings catalog = ServiceSettings.of(ServiceModule.named("catalog"));

        assertThat(gateway.reads("RECERT_GATEWAY_SERVICES_CATALOG_URL")).isTrue();
        assertThat(gateway.reads("RECERT_GATEWAY_SERVICES_CATALOG_URI")).isFalse();
        assertThat(gateway.reads("QUARKUS_DATASOURCE_JDBC_URL")).as("the gateway has no database").isFalse();
        assertThat(gateway.reads("KAFKA_BOOTSTRAP_SERVERS")).as("nor Kafka").isFalse();
        assertThat(catalog.reads("RECERT_OUTBOX_BATCH_SIZE")).as("platform settings").isTrue();
        assertThat(catalog.reads("QUARKUS_DATASOURCE_JDBC_URL")).isTrue();
        assertThat(catalog.reads("RECERT_GATEWAY_SERVICES_CATALOG_URL")).as("another service's setting").isFalse();
        assertThat(catalog.reads("JAVA_OPTS_APPEND")).as("read by the image's entrypoint").isTrue();
    }

    @Test
    void shouldTurnPropertyNamesIntoTheirEnvironmentVariables() {
        assertThat(ServiceSettings.envName("recert.demo-data.enabled")).isEqualTo("RECERT_DEMO_DATA_ENABLED");
        assertThat(ServiceSettings.envName("quarkus.init-and-exit")).isEqualTo("QUARKUS_INIT_AND_EXIT");
        assertThat(ConfigMappingScanner.kebab("maxBackoff")).isEqualTo("max-backoff");
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(ConfigMappingScannerTest.class.getResource("/mapping-fixture").toURI());
    }
}
