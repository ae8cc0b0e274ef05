package org.recert.platform.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.recert.platform.problem.ProblemException;

/**
 * Who is calling, in the domain's words, and the tenancy checks every service applies: a learner is their
 * own {@code sub}, an employer acts for its {@code org}, a provider for its {@code provider}. Asking for
 * another tenant's data answers 404, so that its existence is not revealed either.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String subject() {
        return token.getSubject();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    public Optional<String> organization() {
        return claim("org");
    }

    public Optional<String> provider() {
        return claim("provider");
    }

    /** The {@code org} claim as the organization id it names; empty when there is none or it is not a UUID. */
    public Optional<UUID> organizationId() {
        return organization().flatMap(Caller::uuid);
    }

    /** The {@code provider} claim as the provider id it names; empty when there is none or it is not a UUID. */
    public Optional<UUID> providerId() {
        return provider().flatMap(Caller::uuid);
    }

    /** A claim's text as an id: the canonical 36 characters only (UUID.fromString also takes short forms such as 1-2-3-4-5). */
    static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The learner's own records, or an admin's: anyone else gets 404 for {@code what}. */
    public void requireSelfOrAdmin(String learnerId, String what) {
        if (isAdmin()) {
            return;
        }
        if (!is(Roles.LEARNER) || !learnerId.equals(subject())) {
            throw ProblemException.notFound(what);
        }
    }

    /** An employer of exactly this organization, or an admin: anyone else gets 404 for the organization. */
    public void requireOrganization(String organizationId) {
        if (isAdmin()) {
            return;
        }
        if (!is(Roles.EMPLOYER) || !organization().map(organizationId::equals).orElse(false)) {
            throw ProblemException.notFound("organization " + organizationId);
        }
    }

    /** A provider acting for exactly this provider id, or an admin. */
    public boolean actsForProvider(String providerId) {
        return isAdmin() || (is(Roles.PROVIDER) && provider().map(providerId::equals).orElse(false));
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
