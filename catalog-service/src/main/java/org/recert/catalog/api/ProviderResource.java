package org.recert.catalog.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.catalog.domain.Provider;
import org.recert.catalog.domain.ProviderInput;
import org.recert.catalog.service.ProviderDirectory;
import org.recert.platform.security.Roles;
import org.recert.platform.web.ETags;
import org.recert.platform.web.Page;
import org.recert.platform.web.PageRequest;

/** HTTP for providers: curators write, everyone signed in reads. */
@Path("/catalog/providers")
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {

    private static final int DEFAULT_LIMIT = 20;

    private final ProviderDirectory directory;

    public ProviderResource(ProviderDirectory directory) {
        this.directory = directory;
    }

    @GET
    @RolesAllowed({ Roles.LEARNER, Roles.EMPLOYER, Roles.PROVIDER, Roles.CURATOR, Roles.ADMIN })
    @Operation(summary = "List providers", description = "By name, cursor-paged; active=true|false filters.")
    @APIResponse(responseCode = "200", description = "A page of providers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Page size, 1-100 (default 20)", example = "20")
    public Page<Provider> list(@QueryParam("active") Boolean active, @BeanParam PageRequest page) {
        return directory.list(active, page.cursor(), page.size(DEFAULT_LIMIT, CourseResource.MAX_LIMIT));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CURATOR, Roles.ADMIN })
    @Operation(summary = "Create a provider")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderInput.class),
            examples = @ExampleObject(name = "college", value = ApiExamples.PROVIDER_INPUT)))
    @APIResponse(responseCode = "201", description = "The provider, with Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Provider.class)))
    @APIResponse(responseCode = "400", description = "Invalid provider; the problem names the field")
    @APIResponse(responseCode = "403", description = "Not a curator")
    @APIResponse(responseCode = "409", description = "A provider of that name exists")
    public Response create(@Valid @NotNull ProviderInput input, @Context UriInfo uri) {
        Provider provider = directory.create(input);
        return ETags.tagged(Response.created(URI.create(uri.getPath() + "/" + provider.id())), provider.version())
                .entity(provider).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.LEARNER, Roles.EMPLOYER, Roles.PROVIDER, Roles.CURATOR, Roles.ADMIN })
    @Operation(summary = "Read a provider")
    @APIResponse(responseCode = "200", description = "The provider, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Provider.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such provider")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version: the copy the client holds is current")
    public Response get(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the copy the client holds", example = "\"1\"") @HeaderParam("If-None-Match") String ifNoneMatch) {
        Provider provider = directory.get(id);
        return ETags.read(provider, provider.version(), ifNoneMatch);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    @RolesAllowed({ Roles.CURATOR, Roles.ADMIN })
    @Operation(summary = "Replace a provider", description = "Needs If-Match. A new name is re-announced (CourseUpdated) on the provider's published courses.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderInput.class),
            examples = @ExampleObject(name = "college", value = ApiExamples.PROVIDER_INPUT)))
    @APIResponse(responseCode = "200", description = "The provider as changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Provider.class)))
    @APIResponse(responseCode = "400", description = "Invalid provider")
    @APIResponse(responseCode = "403", description = "Not a curator")
    @APIResponse(responseCode = "404", description = "No such provider")
    @APIResponse(responseCode = "409", description = "A provider of that name exists")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version being replaced", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProviderInput input) {
        Provider provider = directory.update(id, ifMatch, input);
        return ETags.ok(provider, provider.version());
    }
}
