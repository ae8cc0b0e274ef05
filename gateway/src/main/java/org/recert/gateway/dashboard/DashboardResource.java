package org.recert.gateway.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.RequestIds;
import org.recert.platform.web.TraceContext;

@Path("/api/v1/me/dashboard")
@Tag(name = "Me", description = "The caller's own view, composed by the gateway from the services")
public class DashboardResource {

    private final DashboardComposer composer;
    private final Caller caller;

    public DashboardResource(DashboardComposer composer, Caller caller) {
        this.composer = composer;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.LEARNER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyDashboard", summary = "The learner's dashboard in one call",
            description = "For each credential: the status, the due date, the shortfall and the cheapest plan; the latest credits; a few free AAMA-approved courses. "
                    + "Composed from the services in parallel; a part that a service could not give in time is marked "
                    + "{\"available\": false, \"reason\": ...} and the rest is still answered.")
    @APIResponse(responseCode = "200", description = "The dashboard, complete or partial",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dashboard.class)))
    @APIResponse(responseCode = "403", description = "The caller is not a learner")
    @APIResponse(responseCode = "429", description = "The caller's budget is spent; see Retry-After")
    public Uni<Dashboard> dashboard(@Context HttpHeaders headers) {
        Forwarded forwarded = Forwarded.of(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getHeaderString(RequestIds.HEADER), TraceContext.current());
        String learnerId = caller.subject();
        return Uni.createFrom().completionStage(() -> composer.compose(learnerId, forwarded).toCompletionStage());
    }
}
