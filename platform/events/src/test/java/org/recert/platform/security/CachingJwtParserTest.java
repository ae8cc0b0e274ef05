package org.recert.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The remembered verifications: real RS256 tokens, SmallRye's real parser, a clock the test moves. */
class CachingJwtParserTest {

    private static KeyPair keys;
    private static KeyPair otherKeys;

    private final MovableClock clock = new MovableClock();
    private final CountingParser smallrye = new CountingParser();
    private final CachingJwtParser parser = new CachingJwtParser(smallrye, clock, 3);

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    @Test
    void shouldVerifyATokenOnceAndRecogniseItAfterwards() throws Exception {
        String token = token("learner-1", Duration.ofHours(1));

        JsonWebToken first = parser.parse(token);
        JsonWebToken again = parser.parse(token);

        assertThat(again.getSubject()).isEqualTo("learner-1");
        assertThat(again).isSameAs(first);
        assertThat(smallrye.verifications.get()).isEqualTo(1);
    }

    @Test
    void shouldVerifyAgainOnceTheTokenHasExpired() throws Exception {
        String token = token("learner-1", Duration.ofMinutes(2));
        parser.parse(token);

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        parser.parse(token);

        assertThat(smallrye.verifications.get()).isEqualTo(2);
    }

    @Test
    void shouldVerifyALongLivedTokenAgainAfterFiveMinutesSoARotatedKeyStopsBeingHonoured() throws Exception {
        String token = token("learner-1", Duration.ofHours(8));
        parser.parse(token);

        clock.advance(Duration.ofMinutes(4));
        parser.parse(token);
        assertThat(smallrye.verifications.get()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        parser.parse(token);
        assertThat(smallrye.verifications.get()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAForgedTokenEveryTimeAndNeverRememberIt() throws Exception {
        String forged = Jwt.issuer("recert-local").subject("learner-1").groups(Set.of("admin"))
                .expiresIn(Duration.ofHours(1)).sign(otherKeys.getPrivate());

        assertThatThrownBy(() -> parser.parse(forged)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(forged)).isInstanceOf(ParseException.class);

        assertThat(smallrye.verifications.get()).isEqualTo(2);
        assertThat(parser.remembered()).isZero();
    }

    @Test
    void shouldNotRecogniseATokenThatDiffersFromAVerifiedOneInItsSignature() throws Exception {
        String token = token("learner-1", Duration.ofHours(1));
        parser.parse(token);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
    }

    @Test
    void shouldForgetExpiredTokensFirstWhenFullAndStayBounded() throws Exception {
        String shortLived = token("a", Duration.ofMinutes(1));
        parser.parse(shortLived);
        parser.parse(token("b", Duration.ofHours(1)));
        parser.parse(token("c", Duration.ofHours(1)));
        assertThat(parser.remembered()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(2));
        parser.parse(token("d", Duration.ofHours(1)));
        assertThat(parser.remembered()).isEqualTo(3);

        parser.parse(token("e", Duration.ofHours(1)));
        assertThat(parser.remembered()).isLessThanOrEqualTo(3);
    }

    @Test
    void shouldVerifyEachTrustedIssuersTokensWithItsOwnKeyAudienceAndRolesClaim() throws Exception {
        JWTAuthContextInfo provider = new JWTAuthContextInfo(keys.getPublic(), "https://login.example.org/realms/recert");
        provider.setExpectedAudience(Set.of("recert"));
        provider.setGroupsPath("realm_access/roles");
        JWTAuthContextInfo local = new JWTAuthContextInfo(otherKeys.getPublic(), "recert-local");
        local.setExpectedAudience(Set.of("recert"));
        CachingJwtParser both = new CachingJwtParser(new DefaultJWTParser(provider), new DefaultJWTParser(local),
                "recert-local", clock, 10);
        long now = Instant.now().getEpochSecond();

        // a realm's token: roles from realm_access/roles, whatever a plain groups claim says
        String realm = Jwt.issuer("https://login.example.org/realms/recert").subject("maria").audience("recert")
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("learner", "offline_access")))
                .groups(Set.of("admin")).issuedAt(now).expiresAt(now + 300).sign(keys.getPrivate());
        assertThat(both.parse(realm).getGroups()).containsExactlyInAnyOrder("learner", "offline_access");

        // the local mint's token: its own key, plain groups
        String minted = Jwt.issuer("recert-local").subject("ops").audience("recert").groups(Set.of("admin"))
                .issuedAt(now).expiresAt(now + 300).sign(otherKeys.getPrivate());
        assertThat(both.parse(minted).getGroups()).containsExactly("admin");

        // either issuer's token for another application, and a token naming one issuer signed with the other's key
        String otherAudience = Jwt.issuer("recert-local").subject("ops").audience("payroll").groups(Set.of("admin"))
                .issuedAt(now).expiresAt(now + 300).sign(otherKeys.getPrivate());
        String realmOtherAudience = Jwt.issuer("https://login.example.org/realms/recert").subject("ops").audience("payroll")
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("admin")))
                .issuedAt(now).expiresAt(now + 300).sign(keys.getPrivate());
        String crossSigned = Jwt.issuer("recert-local").subject("ops").audience("recert").groups(Set.of("admin"))
                .issuedAt(now).expiresAt(now + 300).sign(keys.getPrivate());
        for (String refused : new String[] {otherAudience, realmOtherAudience, crossSigned}) {
            assertThatThrownBy(() -> both.parse(refused)).isInstanceOf(ParseException.class);
        }
    }

    /** A token issued now by the wall clock (SmallRye checks it by the wall clock), living {@code lifetime}. */
    private static String token(String subject, Duration lifetime) {
        long issuedAt = Instant.now().getEpochSecond();
        return Jwt.issuer("recert-local").subject(subject).groups(Set.of("learner"))
                .issuedAt(issuedAt).expiresAt(issuedAt + lifetime.toSeconds()).sign(keys.getPrivate());
    }

    /** SmallRye's parser for our issuer and key, counting the tokens it verifies. */
    private static final class CountingParser extends DefaultJWTParser {
        final AtomicInteger verifications = new AtomicInteger();

        CountingParser() {
            super(new JWTAuthContextInfo(keys.getPublic(), "recert-local"));
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
