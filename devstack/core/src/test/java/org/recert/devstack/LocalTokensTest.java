package org.recert.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LocalTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String CARE_CLINIC = "22222222-2222-4222-8222-222222222222";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalTokens tokens = new LocalTokens(
            LocalTokens.privateKey(LocalTokens.readResource(LocalTokens.PRIVATE_KEY)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldSignATokenThatTheDevPublicKeyVerifies() throws Exception {
        String[] parts = tokens.mint("maria", List.of("learner"), null, null).split("\\.");

        assertEquals(3, parts.length);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(LocalTokens.publicKey(LocalTokens.readResource(LocalTokens.PUBLIC_KEY)));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signature verifies with the dev public key");
        JsonNode header = decode(parts[0]);
        assertEquals("RS256", header.get("alg").asText());
        assertEquals("JWT", header.get("typ").asText());
    }

    @Test
    void shouldNotVerifyOnceTheClaimsAreChanged() throws Exception {
        String[] parts = tokens.mint("maria", List.of("learner"), null, null).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"learner\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(LocalTokens.publicKey(LocalTokens.readResource(LocalTokens.PUBLIC_KEY)));
        rs256.update((parts[0] + "." + forged).getBytes(StandardCharsets.US_ASCII));
        assertFalse(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void shouldCarryTheIssuerSubjectGroupsOrganizationAndTwelveHourExpiry() throws Exception {
        JsonNode claims = decode(tokens.mint("hr-carla", List.of("employer", "learner"), CARE_CLINIC, null).split("\\.")[1]);

        assertEquals("recert-local", claims.get("iss").asText());
        assertEquals("hr-carla", claims.get("sub").asText());
        assertEquals("hr-carla", claims.get("upn").asText());
        assertEquals(List.of("employer", "learner"), List.of(claims.get("groups").get(0).asText(), claims.get("groups").get(1).asText()));
        assertEquals(CARE_CLINIC, claims.get("org").asText());
        assertFalse(claims.has("provider"), "no provider claim unless asked for");
        assertEquals(NOW.getEpochSecond(), claims.get("iat").asLong());
        assertEquals(NOW.plusSeconds(12 * 3600).getEpochSecond(), claims.get("exp").asLong());
        assertTrue(claims.hasNonNull("jti"));
    }

    @Test
    void shouldCarryTheProviderClaimOfProviderStaff() throws Exception {
        JsonNode claims = decode(tokens.mint("prov-ann", List.of("provider"), null, "11111111-1111-4111-8111-111111111111").split("\\.")[1]);

        assertEquals("11111111-1111-4111-8111-111111111111", claims.get("provider").asText());
        assertFalse(claims.has("org"));
    }

    @Test
    void shouldRejectAMissingSubjectAndUnknownGroups() {
        IllegalArgumentException noSubject = assertThrows(IllegalArgumentException.class,
                () -> tokens.mint(" ", List.of("learner"), null, null));
        assertTrue(noSubject.getMessage().contains("--sub"));
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> tokens.mint("maria", List.of("learners"), null, null));
        assertTrue(typo.getMessage().contains("learners"), typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tokens.mint("maria", List.of(), null, null));
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }
}
