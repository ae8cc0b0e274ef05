package org.recert.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The bearer-token parser of every Recert service and of the gateway: SmallRye's, remembering the tokens it has
 * verified. A client sends the same token with each of its requests; checking an RS256 signature costs more CPU
 * than the rest of a typical request, so a token is verified once and then recognised until it expires.
 *
 * <p>Only tokens that passed every check are remembered, each at most {@link #REMEMBER_MILLIS} and never past its
 * own expiry, so a rotated signing key stops being honoured within that time. Parsing with another context or key
 * ({@link #parse(String, JWTAuthContextInfo)}, {@link #verify}) goes straight to SmallRye.
 *
 * <p>Two issuers at most are trusted, each with its own keys, audiences and roles claim: the configured one
 * ({@code mp.jwt.verify.*}, {@code smallrye.jwt.path.groups}) and, where {@link LocalIssuerConfig#trusted()}, the
 * local mint's. A token goes to the verifier of the issuer it names; a token naming any other issuer goes to the
 * configured one's, which refuses it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    /** Longest a verified token is recognised without checking its signature again. */
    static final long REMEMBER_MILLIS = 5 * 60_000L;
    /** Most tokens remembered at once; past it, the expired ones go, then everyone's (each is verified afresh). */
    static final int MAX_TOKENS = 20_000;

    private record Verified(JsonWebToken token, long validUntilMillis) {
    }

    private final JWTParser verifier;
    private final JWTParser localVerifier;
    private final String localIssuer;
    private final Clock clock;
    private final int maxTokens;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public CachingJwtParser(DefaultJWTParser verifier, JWTAuthContextInfo configured, LocalIssuerConfig local) {
        this(verifier, localVerifier(configured, local), local.issuer(), Clock.systemUTC(), MAX_TOKENS);
    }

    CachingJwtParser(JWTParser verifier, Clock clock, int maxTokens) {
        this(verifier, null, null, clock, maxTokens);
    }

    CachingJwtParser(JWTParser verifier, JWTParser localVerifier, String localIssuer, Clock clock, int maxTokens) {
        this.verifier = verifier;
        this.localVerifier = localVerifier;
        this.localIssuer = localIssuer;
        this.clock = clock;
        this.maxTokens = maxTokens;
    }

    /**
     * The local mint's verifier: the configured context's checks (audiences, clock skew, algorithms) with the mint's
     * issuer, key and plain {@code groups} claim; null when it is not trusted or is the configured issuer itself.
     */
    static JWTParser localVerifier(JWTAuthContextInfo configured, LocalIssuerConfig local) {
        if (!local.trusted() || local.issuer().equals(configured.getIssuedBy())) {
            return null;
        }
        JWTAuthContextInfo context = new JWTAuthContextInfo(configured);
        context.setIssuedBy(local.issuer());
        context.setPublicKeyLocation(local.publicKeyLocation().orElseThrow(() -> new IllegalStateException(
                "recert.security.local-issuer.public-key-location is required when the local issuer is trusted")));
        context.setPublicKeyContent(null);
        context.setPublicVerificationKey(null);
        context.setGroupsPath(null);
        context.setDefaultGroupsClaim("groups");
        return new DefaultJWTParser(context);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null && now < known.validUntilMillis()) {
            return known.token();
        }
        JsonWebToken parsed = verifierFor(token).parse(token);
        long expiresMillis = parsed.getExpirationTime() * 1000;
        long until = Math.min(expiresMillis, now + REMEMBER_MILLIS);
        if (until > now) {
            if (verified.size() >= maxTokens) {
                evict(now);
            }
            verified.put(token, new Verified(parsed, until));
        }
        return parsed;
    }

    private JWTParser verifierFor(String token) {
        if (localVerifier != null && localIssuer.equals(unverifiedIssuer(token))) {
            return localVerifier;
        }
        return verifier;
    }

    /** The {@code iss} a token claims, read without any check (only to pick the verifier), or null. */
    private static String unverifiedIssuer(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(first + 1, second)), StandardCharsets.UTF_8);
            Map<String, Object> claims = JsonUtil.parseJson(payload);
            return claims.get("iss") instanceof String issuer ? issuer : null;
        } catch (RuntimeException | JoseException e) {
            // not a JWT the configured verifier can read either: it says why
            return null;
        }
    }

    private void evict(long now) {
        verified.values().removeIf(entry -> entry.validUntilMillis() <= now);
        if (verified.size() >= maxTokens) {
            verified.clear();
        }
    }

    /** How many verified tokens are remembered now (for tests and metrics). */
    int remembered() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
