package org.recert.compliance.employers.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.compliance.employers.Organizations;
import org.recert.compliance.employers.api.OrganizationDtos.NewOrganization;
import org.recert.compliance.employers.api.OrganizationDtos.OrganizationView;
import org.recert.compliance.employers.EmployerOrganization;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.Cursor;
import org.recert.platform.web.PageRequest;
import org.recert.platform.web.Page;

@Path("/compliance/organizations")
@Tag(name = "Employers", description = "Organizations, rosters with consent, bulk checks, webhooks")
@APIResponses({
        @APIResponse(responseCode = "400", description = "Malformed id, filter or body; names the field"),
        @APIResponse(responseCode = "403", description = "A role that may not use this endpoint"),
        @APIResponse(responseCode = "404", description = "Not found, or another organization's or learner's") })
public class OrganizationResource {

    private final Organizations organizations;
    private final Caller caller;

    public OrganizationResource(Organizations organizations, Caller caller) {
        this.organizations = organizations;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an employer organization", description = "Admins only. Its employers then carry its id in the org claim.")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", description = "No name, or too long")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewOrganization body) {
        EmployerOrganization organization = organizations.create(body.name());
        return Response.created(URI.create("/api/v1/compliance/organizations/" + organization.id()))
                .entity(OrganizationView.of(organization)).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.EMPLOYER })
    @Operation(summary = "List organizations", description = "Admins see all, by name, in pages of 1 to 500 (default 50); an employer sees only its own.")
    @APIResponse(responseCode = "200", description = "A page of organizations")
    public Page<OrganizationView> list(@BeanParam PageRequest page) {
        if (!caller.isAdmin()) {
            List<OrganizationView> own = caller.organizationId().flatMap(organizations::find)
                    .map(OrganizationView::of).stream().toList();
            return Page.of(own, null);
        }
        int size = page.size(Paging.DEFAULT_LIMIT, Paging.MAX_LIMIT);
        String afterName = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> values = Cursor.decode(page.cursor(), 2);
            afterName = values.get(0);
            afterId = Cursor.uuid(values.get(1));
        }
        List<EmployerOrganization> found = organizations.list(afterName, afterId, size + 1);
        List<OrganizationView> items = found.stream().limit(size).map(OrganizationView::of).toList();
        String next = found.size() > size ? Cursor.encode(found.get(size - 1).name(), found.get(size - 1).id().toString()) : null;
        return Page.of(items, next);
    }

    @GET
    @Path("/{orgId}")
    @RolesAllowed({ Roles.ADMIN, Roles.EMPLOYER })
    @Operation(summary = "Read an organization", description = "An employer reads only its own; another answers 404.")
    @APIResponse(responseCode = "200", description = "The organization")
    @APIResponse(responseCode = "404", description = "No such organization, or not yours")
    public OrganizationView read(@PathParam("orgId") UUID orgId) {
        caller.requireOrganization(orgId.toString());
        return OrganizationView.of(organizations.require(orgId));
    }
}
