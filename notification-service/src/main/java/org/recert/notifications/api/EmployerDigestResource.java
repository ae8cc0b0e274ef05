package org.recert.notifications.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.notifications.digest.EmployerDigests;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;

/** An organization's weekly digest of its consenting members who are at risk or worse: the employer of that organization only. */
@Path("/notifications/employers/{orgId}/digest")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.EMPLOYER, Roles.ADMIN })
@APIResponses({
        @APIResponse(responseCode = "400", description = "A malformed organization id or body (an unsupported language too); names the field"),
        @APIResponse(responseCode = "403", description = "Not an employer or admin"),
        @APIResponse(responseCode = "404", description = "Another organization's digest") })
public class EmployerDigestResource {

    private final Caller caller;
    private final EmployerDigests digests;

    public EmployerDigestResource(Caller caller, EmployerDigests digests) {
        this.caller = caller;
        this.digests = digests;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The organization's choice (off until it chooses)")
    @Operation(summary = "Whether the organization gets the weekly digest, where it goes and in which language")
    public EmployerDigestView digest(@PathParam("orgId") UUID orgId) {
        caller.requireOrganization(orgId.toString());
        return EmployerDigestView.of(digests.of(orgId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Saved")
    @Operation(summary = "Turns the weekly digest on or off",
            description = "Once per ISO week, an enabled digest mails the recipients the organization's members who share their "
                    + "status with it and are AT_RISK, GRACE or LAPSED in a credential; a week with none of them sends nothing.")
    public EmployerDigestView save(@PathParam("orgId") UUID orgId, @Valid @NotNull EmployerDigestBody body) {
        caller.requireOrganization(orgId.toString());
        return EmployerDigestView.of(digests.save(orgId, body.enabled(), body.recipients(), body.language()));
    }
}
