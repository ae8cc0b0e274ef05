package org.recert.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Mints RS256 bearer tokens for the local suite with the dev private key, using the JDK alone, so that
 * {@code ./recert token} needs no running service. The services of the local suite verify them with the dev
 * public key; production verifies its own OIDC provider's keys and never sees these.
 */
public final class LocalTokens {

    /** The issuer the services expect ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "recert-local";
    /** The audience the services require ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "recert";
    public static final Duration LIFETIME = Duration.ofHours(12);
    public static final Set<String> ROLES = Set.of("learner", "employer", "provider", "curator", "admin");

    static final String PRIVATE_KEY = "META-INF/recert/dev-keys/private.pem";
    static final String PUBLIC_KEY = "META-INF/recert/dev-keys/public.pem";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));

    private final PrivateKey key;
    private final Clock clock;

    LocalTokens(PrivateKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** Tokens signed with the dev key that ships in this jar. */
    public static LocalTokens withDevKey() {
        return new LocalTokens(privateKey(readResource(PRIVATE_KEY)), Clock.systemUTC());
    }

    /**
     * A signed token for {@code subject} with the given roles.
     *
     * @param organization the employer's organization id ({@code org} claim), or null
     * @param provider the provider id ({@code provider} claim), or null
     */
    public String mint(String subject, List<String> groups, String organization, String provider) {
        return mint(subject, groups, organization, provider, null);
    }

    /** As {@link #mint(String, List, String, String)}, with the person's address in the {@code email} claim (when not null). */
    public String mint(String subject, List<String> groups, String organization, String provider, String email) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("--sub is required");
        }
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("--groups is required, one or more of " + String.join(",", sorted(ROLES)));
        }
        for (String group : groups) {
            if (!ROLES.contains(group)) {
                throw new IllegalArgumentException("unknown group '" + group + "': use " + String.join(",", sorted(ROLES)));
            }
        }
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("aud", AUDIENCE);
        claims.put("upn", subject);
        claims.put("groups", List.copyOf(groups));
        if (organization != null && !organization.isBlank()) {
            claims.put("org", organization);
        }
        if (provider != null && !provider.isBlank()) {
            claims.put("provider", provider);
        }
        if (email != null && !email.isBlank()) {
            claims.put("email", email);
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());

        String signingInput = HEADER + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the dev key", e);
        }
    }

    static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PKCS#8 RSA private key", e);
        }
    }

    static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an X.509 RSA public key", e);
        }
    }

    static String readResource(String name) {
        try (InputStream in = LocalTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static byte[] pemBody(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String encode(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write token claims", e);
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
