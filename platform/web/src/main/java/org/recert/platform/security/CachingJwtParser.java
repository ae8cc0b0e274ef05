package org.recert.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
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

/**
 * The bearer-token parser of every Recert service and of the gateway: SmallRye's, remembering the tokens it has
 * verified. A client sends the same token with each of its requests; checking an RS256 signature costs more CPU
 * than the rest of a typical request, so a token is verified once and then recognised until it expires.
 *
 * <p>Only tokens that passed every check are remembered, each at most {@link #REMEMBER_MILLIS} and never past its
 * own expiry, so a rotated signing key stops being honoured within that time. Parsing with another context or key
 * ({@link #parse(String, JWTAuthContextInfo)}, {@link #verify}) goes straight to SmallRye.
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
    private final Clock clock;
    private final int maxTokens;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public CachingJwtParser(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC(), MAX_TOKENS);
    }

    CachingJwtParser(JWTParser verifier, Clock clock, int maxTokens) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxTokens = maxTokens;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null && now < known.validUntilMillis()) {
            return known.token();
        }
        JsonWebToken parsed = verifier.parse(token);
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
