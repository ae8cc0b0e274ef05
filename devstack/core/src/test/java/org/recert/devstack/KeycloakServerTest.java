package org.recert.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Keycloak from the Maven Central zip, with the recert realm of this repository. */
class KeycloakServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(KeycloakServerTest.class.getName());

    @TempDir
    Path runDirectory;

    @Test
    void shouldIssueTheDemoUsersTokensWithAudienceRolesAndClaimsAndLeaveNothingRunning() throws Exception {
        KeycloakServer keycloak = KeycloakServer.start(runDirectory, 0, List.of("http://localhost:1"));
        List<ProcessHandle> started;
        try {
            started = ProcessHandle.current().descendants().toList();
            LOG.info(String.format("Keycloak ready after %.1f s", keycloak.startSeconds()));

            JsonNode maria = claims(keycloak.passwordGrant("maria", KeycloakServer.DEMO_PASSWORD));
            assertEquals(keycloak.issuer(), maria.path("iss").asText());
            assertEquals("maria", maria.path("sub").asText());
            assertTrue(maria.path("aud").toString().contains("\"" + KeycloakServer.AUDIENCE + "\""), maria.toString());
            assertTrue(maria.path("realm_access").path("roles").toString().contains("\"learner\""), maria.toString());

            JsonNode carla = claims(keycloak.passwordGrant("hr-carla", KeycloakServer.DEMO_PASSWORD));
            assertEquals("22222222-2222-4222-8222-222222222222", carla.path("org").asText());
            assertTrue(carla.path("realm_access").path("roles").toString().contains("\"employer\""), carla.toString());
            JsonNode ann = claims(keycloak.passwordGrant("prov-ann", KeycloakServer.DEMO_PASSWORD));
            assertEquals("11111111-1111-4111-8111-111111111111", ann.path("provider").asText());

            assertThrows(IllegalStateException.class, () -> keycloak.passwordGrant("maria", "wrong"));
        } finally {
            keycloak.close();
        }
        assertFalse(started.isEmpty());
        for (ProcessHandle process : started) {
            assertFalse(process.isAlive(), "still running after close: " + process.info());
        }
    }

    private static JsonNode claims(String token) throws Exception {
        String payload = token.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
