package org.recert.notifications;

import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the test key, for Recert's audience, with the {@code email} claim an identity provider adds. */
final class Tokens {

    private Tokens() {
    }

    static String learner(String learnerId, String email) {
        return Jwt.issuer("recert-local").audience("recert").subject(learnerId).upn(learnerId).groups(Set.of("learner")).claim("email", email)
                .expiresIn(600).sign();
    }

    /** A learner whose identity provider also sends the {@code locale} claim (Keycloak's, when a user picks a language). */
    static String learner(String learnerId, String email, String locale) {
        return Jwt.issuer("recert-local").audience("recert").subject(learnerId).upn(learnerId).groups(Set.of("learner")).claim("email", email)
                .claim("locale", locale).expiresIn(600).sign();
    }

    static String admin() {
        return Jwt.issuer("recert-local").audience("recert").subject("root").upn("root").groups(Set.of("admin")).expiresIn(600).sign();
    }

    /** An employer admin of the organization {@code organizationId} (the {@code org} claim). */
    static String employer(String organizationId) {
        return Jwt.issuer("recert-local").audience("recert").subject("hr-" + organizationId.substring(0, 8)).upn("hr")
                .groups(Set.of("employer")).claim("org", organizationId).expiresIn(600).sign();
    }
}
