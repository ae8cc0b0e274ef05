package org.recert.compliance.employers.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.compliance.employers.ConsentActor;
import org.recert.compliance.employers.Consents;
import org.recert.compliance.employers.Ids;
import org.recert.compliance.employers.api.ConsentDtos.ConsentEventView;
import org.recert.compliance.employers.api.ConsentDtos.ConsentRequest;
import org.recert.compliance.employers.api.ConsentDtos.ConsentView;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.Page;
import org.recert.platform.web.PageRequest;

@Path("/compliance/learners/{learnerId}/consents")
@Tag(name = "Employers")
@APIResponses({
        @APIResponse(responseCode = "400", description = "Malformed id, filter or body; names the field"),
        @APIResponse(responseCode = "403", description = "A role that may not use this endpoint"),
        @APIResponse(responseCode = "404", description = "Not found, or another organization's or learner's") })
public class ConsentResource {

    private final Consents consents;
    private final Caller caller;

    public ConsentResource(Consents consents, Caller caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.LEARNER)
    @Operation(summary = "Let an organization see my compliance status", description = "Only the learner themselves. "
            + "The organization then sees the status, due date and shortfall of each credential; never the credits.")
    @APIResponse(responseCode = "201", description = "Granted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "200", description = "Was already granted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", description = "No such organization, or not your learner id")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("learnerId") String learnerId, @Valid @NotNull ConsentRequest body) {
        String learner = self(learnerId);
        boolean granted = consents.grant(learner, body.organizationId());
        ConsentView view = current(learner, body.organizationId());
        return granted ? Response.status(Response.Status.CREATED).entity(view).build() : Response.ok(view).build();
    }

    @DELETE
    @RolesAllowed({ Roles.LEARNER, Roles.ADMIN })
    @Operation(summary = "Withdraw consent (organization in the body)", description = "The learner themselves, or an admin. Takes "
            + "effect at once: the roster shows the learner as pending, checks answer not visible, and pending webhooks about them "
            + "are cancelled. Recorded in the consent audit.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such consent, or not your learner id")
    @Consumes(MediaType.APPLICATION_JSON)
    public void withdraw(@PathParam("learnerId") String learnerId, @Valid @NotNull ConsentRequest body) {
        consents.withdraw(selfOrAdmin(learnerId), body.organizationId(), ConsentActor.of(caller));
    }

    @DELETE
    @Path("/{organizationId}")
    @RolesAllowed({ Roles.LEARNER, Roles.ADMIN })
    @Operation(summary = "Withdraw consent (organization in the path)", description = "The same as the DELETE with a body.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such consent, or not your learner id")
    public void withdrawOne(@PathParam("learnerId") String learnerId,
            @Parameter(example = "22222222-2222-4222-8222-222222222222") @PathParam("organizationId") UUID organizationId) {
        consents.withdraw(selfOrAdmin(learnerId), organizationId, ConsentActor.of(caller));
    }

    @GET
    @RolesAllowed({ Roles.LEARNER, Roles.ADMIN })
    @Operation(summary = "Which organizations hold my consent", description = "GRANTED first; then PENDING: organizations that "
            + "list the learner on their roster and wait for consent.")
    @APIResponse(responseCode = "200", description = "The learner's consents")
    public Page<ConsentView> list(@PathParam("learnerId") String learnerId) {
        String learner = Ids.learner(learnerId, "learnerId");
        caller.requireSelfOrAdmin(learner, "learner " + learner);
        return Page.of(consents.of(learner).stream().map(ConsentView::of).toList(), null);
    }

    @GET
    @Path("/events")
    @RolesAllowed({ Roles.LEARNER, Roles.ADMIN })
    @Operation(summary = "Every grant and withdrawal of my consents", description = "The learner themselves, or an admin. Newest "
            + "first: when, which organization, what happened (GRANTED, WITHDRAWN), why (BY_LEARNER, BY_ADMIN, "
            + "REMOVED_FROM_ROSTER: the organization took the learner off its roster, which ends the consent) and who did it. "
            + "The log only grows. Pages of 1 to 500 (default 50).")
    @APIResponse(responseCode = "200", description = "A page of consent events", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "removed", value = """
                    {"items":[{"at":"2026-11-30T09:12:44Z","organizationId":"22222222-2222-4222-8222-222222222222",
                    "organizationName":"Care Clinic","action":"WITHDRAWN","reason":"REMOVED_FROM_ROSTER","actorRole":"employer",
                    "actorId":"hr-care"},{"at":"2026-03-02T14:00:05Z","organizationId":"22222222-2222-4222-8222-222222222222",
                    "organizationName":"Care Clinic","action":"GRANTED","reason":"BY_LEARNER","actorRole":"learner","actorId":"maria"}],
                    "nextCursor":null}""")))
    @APIResponse(responseCode = "404", description = "Not your learner id")
    public Page<ConsentEventView> events(@PathParam("learnerId") String learnerId,
            @BeanParam PageRequest page) {
        String learner = Ids.learner(learnerId, "learnerId");
        caller.requireSelfOrAdmin(learner, "learner " + learner);
        int size = page.size(Paging.DEFAULT_LIMIT, Paging.MAX_LIMIT);
        Long before = Paging.before(page.cursor());
        List<Consents.ConsentEvent> found = consents.events(learner, before, size + 1);
        List<ConsentEventView> items = found.stream().limit(size).map(ConsentEventView::of).toList();
        return Page.of(items, found.size() > size ? Paging.after(found.get(size - 1).id()) : null);
    }

    private String selfOrAdmin(String learnerId) {
        String learner = Ids.learner(learnerId, "learnerId");
        caller.requireSelfOrAdmin(learner, "learner " + learner);
        return learner;
    }

    private String self(String learnerId) {
        String learner = Ids.learner(learnerId, "learnerId");
        if (!learner.equals(caller.subject())) {
            throw ProblemException.notFound("learner " + learner);
        }
        return learner;
    }

    private ConsentView current(String learner, UUID organizationId) {
        List<Consents.LearnerConsent> all = consents.of(learner);
        return all.stream().filter(c -> c.organizationId().equals(organizationId)).findFirst().map(ConsentView::of).orElseThrow();
    }
}
