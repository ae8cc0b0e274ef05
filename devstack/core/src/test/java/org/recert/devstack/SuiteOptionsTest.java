package org.recert.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SuiteOptionsTest {

    @Test
    void shouldUseTheDocumentedDefaultPorts() {
        assertEquals(new SuiteOptions(15432, 19092, 8080, 8081, 8082, 8083, 8084, 8085, 8180, 3025, 3143), SuiteOptions.parse(List.of(), Map.of()));
    }

    @Test
    void shouldLetFlagsWinOverEnvironmentVariables() {
        SuiteOptions options = SuiteOptions.parse(List.of("--gateway-port", "9080", "--kafka-port=29092"),
                Map.of("RECERT_GATEWAY_PORT", "7080", "RECERT_POSTGRES_PORT", "25432"));

        assertEquals(9080, options.gatewayPort());
        assertEquals(29092, options.kafkaPort());
        assertEquals(25432, options.postgresPort());
        assertEquals(8081, options.catalogPort());
    }

    @Test
    void shouldRejectAnUnknownFlagNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse(List.of("--gateway", "9080"), Map.of()));
        assertTrue(e.getMessage().contains("--gateway-port"), e.getMessage());
    }

    @Test
    void shouldRejectAPortThatIsNotAPortNamingWhereItCameFrom() {
        IllegalArgumentException fromEnv = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse(List.of(), Map.of("RECERT_CREDITS_PORT", "80a")));
        assertTrue(fromEnv.getMessage().contains("RECERT_CREDITS_PORT"), fromEnv.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse(List.of("--catalog-port", "70000"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.parse(List.of("--catalog-port"), Map.of()));
    }

    @Test
    void shouldRejectTheSamePortForTwoThings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse(List.of("--gateway-port", "8081"), Map.of()));
        assertTrue(e.getMessage().contains("8081"), e.getMessage());
    }
}
