package org.recert.platform.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The local token mint ({@link DevTokens}, {@code ./recert token}) as a second trusted issuer. The first is the one
 * {@code mp.jwt.verify.issuer} names, with its keys ({@code mp.jwt.verify.publickey.location}: a PEM or a JWKS URL),
 * audiences ({@code mp.jwt.verify.audiences}) and roles claim ({@code smallrye.jwt.path.groups}): locally the
 * devstack Keycloak, in production any OIDC provider. Production leaves this one off and trusts only that.
 */
@ConfigMapping(prefix = "recert.security.local-issuer")
public interface LocalIssuerConfig {

    /** Whether tokens of the local mint are trusted besides the configured issuer's (local, dev and test only). */
    @WithDefault("false")
    boolean trusted();

    /** The mint's {@code iss}. */
    @WithDefault("recert-local")
    String issuer();

    /** The mint's public key (PEM: a file or classpath resource); required when {@link #trusted()}. */
    Optional<String> publicKeyLocation();
}
