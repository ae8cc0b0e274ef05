package org.recert.web.pages;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, as the pages need it: the learner id ({@code sub}), the roles, a name to greet, and the access
 * token the API calls carry. The token never leaves the server.
 */
@RequestScoped
public class SignedInUser {

    private final SecurityIdentity identity;

    public SignedInUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** In web-app mode the principal is the ID token. */
    private JsonWebToken idToken() {
        return (JsonWebToken) identity.getPrincipal();
    }

    /** The {@code sub}: for a learner, the learner id of the API's paths. */
    public String id() {
        return idToken().getSubject();
    }

    public String name() {
        String name = idToken().getClaim("name");
        if (name == null || name.isBlank()) {
            name = idToken().getClaim("preferred_username");
        }
        return name == null || name.isBlank() ? id() : name;
    }

    public String token() {
        return identity.getCredential(AccessTokenCredential.class).getToken();
    }

    public boolean isLearner() {
        return identity.hasRole("learner");
    }

    public boolean isEmployer() {
        return identity.hasRole("employer");
    }

    public boolean isProvider() {
        return identity.hasRole("provider");
    }

    public boolean isCurator() {
        return identity.hasRole("curator");
    }

    /** The employer's organization ({@code org} claim), or null. */
    public String organization() {
        return idToken().getClaim("org");
    }
}
