package org.recert.platform.time;

import java.time.LocalDate;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.recert.platform.security.Roles;

/**
 * {@code /api/v1/dev/clock}: where the system tests move a service's "today" (admins only). It exists only when the
 * clock is movable ({@link ClockConfig}); otherwise it answers 404 to everyone, like any unknown path, before any
 * token is looked at. Not in the API document, and not routed by the gateway: a test calls each service directly.
 */
@Path("/dev/clock")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // checked below, after the 404 of a clock that does not move: the path must not show that it exists
public class ClockResource {

    /** The service's "today" and how far it is from the system's date. */
    public record ClockView(LocalDate today, long shiftDays) {
    }

    /** The day to move to. */
    public record ClockMove(@NotNull LocalDate today) {
    }

    private final ServiceClock clock;
    private final SecurityIdentity identity;

    public ClockResource(ServiceClock clock, SecurityIdentity identity) {
        this.clock = clock;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public ClockView read() {
        requireMovable();
        return view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public ClockView move(@Valid @NotNull ClockMove move) {
        requireMovable();
        clock.moveTo(move.today());
        return view();
    }

    private ClockView view() {
        return new ClockView(LocalDate.now(clock), clock.shiftDays());
    }

    private void requireMovable() {
        if (!clock.movable()) {
            throw new NotFoundException();
        }
        if (identity.isAnonymous()) {
            throw new NotAuthorizedException("Bearer");
        }
        if (!identity.hasRole(Roles.ADMIN)) {
            throw new ForbiddenException();
        }
    }
}
