package org.recert.catalog.api;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.recert.catalog.domain.Actor;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;

/** The caller of this request as the catalog's rules see it. */
@RequestScoped
public class Actors {

    private final Caller caller;

    public Actors(Caller caller) {
        this.caller = caller;
    }

    public Actor current() {
        boolean curator = caller.is(Roles.CURATOR) || caller.isAdmin();
        Optional<UUID> provider = caller.is(Roles.PROVIDER) ? caller.providerId() : Optional.empty();
        return new Actor(caller.subject(), curator, provider);
    }
}
