package org.recert.compliance.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.compliance.events.ProjectionRebuild;
import org.recert.compliance.status.StatusSweep;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;

/** Operations for admins: rebuild the projections from the topics, run the status sweep now. */
@Path("/compliance/admin")
@Tag(name = "Compliance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private final ProjectionRebuild rebuild;
    private final StatusSweep sweep;
    private final Caller caller;

    public AdminResource(ProjectionRebuild rebuild, StatusSweep sweep, Caller caller) {
        this.rebuild = rebuild;
        this.sweep = sweep;
        this.caller = caller;
    }

    @POST
    @Path("/projections/rebuild")
    @Operation(summary = "Rebuild the projections from the topics", description = "Clears the credits and course projections and "
            + "this service's processed event ids, and replays credits.ledger.v1 and catalog.course.v1 from the beginning. "
            + "Statuses are evaluated once the replay reached where the topics ended when it started; only real differences "
            + "from the stored statuses emit events. Every replica of the service replays the partitions it holds. "
            + "Refused, with nothing cleared, when a topic no longer holds its whole history (records deleted, or a retention "
            + "that deletes them). No status event or webhook is published while it runs. Follow the progress with GET.")
    @APIResponse(responseCode = "202", description = "Rebuild started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectionRebuild.RebuildView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "409", description = "A rebuild is already running, or a topic no longer holds its whole history "
            + "(type /problems/history-incomplete, the partitions and settings named)")
    @APIResponse(responseCode = "503", description = "Kafka cannot say where the topics end")
    public Response startRebuild() {
        return Response.accepted(rebuild.start(caller.subject())).build();
    }

    @GET
    @Path("/projections/rebuild")
    @Operation(summary = "Progress of the latest rebuild", description = "RUNNING until every partition reached its noted end, then COMPLETED; FAILED, with the reason, when the replay did not "
            + "catch up in time (statuses stay unpublished until a later rebuild completes).")
    @APIResponse(responseCode = "200", description = "The latest rebuild",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectionRebuild.RebuildView.class)))
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No rebuild ever ran")
    public ProjectionRebuild.RebuildView latestRebuild() {
        return rebuild.latest();
    }

    @POST
    @Path("/status-sweep")
    @Operation(summary = "Run the status sweep now", description = "Re-evaluates the stored statuses whose next change by date has "
            + "come, as the daily job does; skipped when another replica is sweeping.")
    @APIResponse(responseCode = "200", description = "What the sweep did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusSweep.SweepResult.class)))
    @APIResponse(responseCode = "403", description = "Not an admin")
    public StatusSweep.SweepResult sweep() {
        return sweep.sweep();
    }
}
