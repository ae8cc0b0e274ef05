package org.recert.platform.security;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints tokens signed with the local dev key, for tests and the local stack, as the local issuer
 * ({@link LocalIssuerConfig}) for the audiences Recert requires ({@code mp.jwt.verify.audiences}). Production verifies tokens
 * of a real OIDC provider and never mints: the gateway exposes this only in the local, dev and test profiles.
 */
@ApplicationScoped
public class DevTokens {

    private final String issuer;
    private final Set<String> audiences;

    public DevTokens(LocalIssuerConfig local, @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<Set<String>> audiences) {
        this.issuer = local.issuer();
        this.audiences = audiences.orElse(Set.of());
    }

    public String mint(String subject, Set<String> groups, String organization, String provider, Duration lifetime) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(new LinkedHashSet<>(groups))
                .expiresIn(lifetime);
        if (!audiences.isEmpty()) {
            claims.audience(audiences);
        }
        if (organization != null && !organization.isBlank()) {
            claims.claim("org", organization);
        }
        if (provider != null && !provider.isBlank()) {
            claims.claim("provider", provider);
        }
        return claims.sign();
    }
}
