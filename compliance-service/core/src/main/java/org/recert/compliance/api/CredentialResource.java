package org.recert.compliance.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.compliance.service.RuleSets;
import org.recert.platform.security.Roles;
import org.recert.platform.web.Page;

/** The credentials Recert knows and their rules: public knowledge, readable by every signed-in user. */
@Path("/compliance/credentials")
@Tag(name = "Compliance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LEARNER, Roles.EMPLOYER, Roles.PROVIDER, Roles.CURATOR, Roles.ADMIN })
public class CredentialResource {

    private final RuleSets ruleSets;

    public CredentialResource(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** The list shape of the API, typed for the OpenAPI document. */
    @Schema(name = "CredentialPage")
    public record CredentialPage(List<CredentialView> items, String nextCursor) {
    }

    @GET
    @Operation(summary = "List credentials", description = "Every credential with a rule file, with its rules and a summary in words.")
    @APIResponse(responseCode = "200", description = "All credentials (one page)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CredentialPage.class)))
    public Page<CredentialView> list() {
        return Page.of(ruleSets.all().stream().map(credential -> CredentialView.of(credential, ruleSets.atRiskDays(credential.latest()))).toList(), null);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a credential", description = "One credential's rules: cycle, points, minimums, unit conversions, refused activities.")
    @APIResponse(responseCode = "200", description = "The credential",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CredentialView.class)))
    @APIResponse(responseCode = "404", description = "No such credential")
    public CredentialView get(@Parameter(description = "Credential code", example = "CMA_AAMA") @PathParam("code") String code) {
        var credential = ruleSets.byPath(code);
        return CredentialView.of(credential, ruleSets.atRiskDays(credential.latest()));
    }
}
