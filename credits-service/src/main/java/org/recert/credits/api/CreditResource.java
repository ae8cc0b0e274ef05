package org.recert.credits.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.contracts.ActivityType;
import org.recert.contracts.Approval;
import org.recert.contracts.Category;
import org.recert.credits.domain.Credit;
import org.recert.contracts.CreditSource;
import org.recert.contracts.CreditStatus;
import org.recert.credits.service.CreditLedger;
import org.recert.credits.store.CreditFilter;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.LearnerIds;
import org.recert.platform.web.Page;

/** A learner's credit ledger over HTTP: the learner's own, or any for an admin. */
@Path("/credits/learners/{learnerId}/credits")
@Tag(name = "Credits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LEARNER, Roles.ADMIN })
@APIResponse(responseCode = "403", description = "Not a learner or an admin")
@APIResponse(responseCode = "404", description = "Another learner's ledger, or no such credit")
public class CreditResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final java.util.regex.Pattern SANE_KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final CreditLedger ledger;
    private final Caller caller;
    private final UriInfo uriInfo;

    public CreditResource(CreditLedger ledger, Caller caller, UriInfo uriInfo) {
        this.ledger = ledger;
        this.caller = caller;
        this.uriInfo = uriInfo;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a credit",
            description = "Idempotent by Idempotency-Key: a retry with the same body answers the first credit; another body under "
                    + "the same key is refused with 422. With courseId, the catalog course's credit, split and approval apply.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RecordCreditRequest.class),
            examples = @ExampleObject(name = "AAMA online workshop", value = ApiExamples.RECORD_CREDIT)))
    @APIResponse(responseCode = "201", description = "Recorded (or the first answer replayed); Location and ETag set",
            content = @Content(schema = @Schema(implementation = Credit.class)))
    @APIResponse(responseCode = "400", description = "Invalid credit; the problem names the field")
    @APIResponse(responseCode = "409", description = "This course completion is already in the ledger")
    @APIResponse(responseCode = "422", description = "Unknown or retired course, or the key was used with another body")
    public Response record(
            @PathParam("learnerId") @Pattern(regexp = LearnerIds.PATTERN) String learnerId,
            @Parameter(description = "A key the client makes per credit (a UUID, say), reused on retries", required = true)
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid RecordCreditRequest request) {
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
        if (request == null) {
            throw ProblemException.invalid("body", "a credit is required");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "is required: send a key of your own per credit and reuse it on retries");
        }
        if (!SANE_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
        }
        CreditSource source = caller.isAdmin() ? CreditSource.ADMIN_RECORDED : CreditSource.LEARNER_REPORTED;
        CreditLedger.Recorded recorded = ledger.record(learnerId, idempotencyKey, request, source, caller.subject());
        Credit credit = recorded.credit();
        Response.ResponseBuilder response = Response.created(uriInfo.getAbsolutePathBuilder().path(credit.id().toString()).build())
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(credit.version())))
                .entity(credit);
        if (recorded.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Operation(summary = "List a learner's credits", description = "Newest completion first, cursor-paged; every filter optional")
    @APIResponse(responseCode = "200", description = "One page: {items, nextCursor}")
    @APIResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid")
    public Page<Credit> list(
            @PathParam("learnerId") @Pattern(regexp = LearnerIds.PATTERN) String learnerId,
            @Parameter(description = "Completed on or after", example = "2022-04-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Completed on or before", example = "2027-03-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(schema = @Schema(implementation = Category.class)) @QueryParam("category") String category,
            @Parameter(schema = @Schema(implementation = Approval.class)) @QueryParam("approval") String approval,
            @Parameter(schema = @Schema(implementation = ActivityType.class)) @QueryParam("activityType") String activityType,
            @Parameter(description = "ACTIVE or REVOKED; both when absent", schema = @Schema(implementation = CreditStatus.class))
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
        CreditFilter filter = new CreditFilter(Params.date("from", from), Params.date("to", to),
                Params.enumValue("category", Category.class, category), Params.enumValue("approval", Approval.class, approval),
                Params.enumValue("activityType", ActivityType.class, activityType), Params.enumValue("status", CreditStatus.class, status));
        return ledger.list(learnerId, filter, cursor, Params.integer("limit", limit));
    }

    @GET
    @Path("/{creditId}")
    @Operation(summary = "Read a credit", description = "The current version with its ETag; with versions=all, every version")
    @APIResponse(responseCode = "200", description = "The credit (or its history with versions=all)",
            content = @Content(schema = @Schema(oneOf = { Credit.class, CreditHistory.class })))
    public Response read(
            @PathParam("learnerId") @Pattern(regexp = LearnerIds.PATTERN) String learnerId,
            @PathParam("creditId") UUID creditId,
            @Parameter(description = "all: every version, oldest first") @QueryParam("versions") String versions) {
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
        if (versions != null && !versions.equals("all")) {
            throw ProblemException.invalid("versions", "the only value is all");
        }
        if (versions == null) {
            Credit credit = ledger.current(learnerId, creditId);
            return Response.ok(credit).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(credit.version()))).build();
        }
        List<Credit> all = ledger.versions(learnerId, creditId);
        int current = all.get(all.size() - 1).version();
        return Response.ok(new CreditHistory(creditId, learnerId, current, all))
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(current))).build();
    }

    @POST
    @Path("/{creditId}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a credit", description = "A new version with the fields given and the reason; If-Match required")
    @RequestBody(content = @Content(schema = @Schema(implementation = CorrectionRequest.class),
            examples = @ExampleObject(name = "More CEUs than first entered", value = ApiExamples.CORRECTION)))
    @APIResponse(responseCode = "200", description = "The new version, with its ETag", content = @Content(schema = @Schema(implementation = Credit.class)))
    @APIResponse(responseCode = "400", description = "The corrected credit is invalid; the problem names the field")
    @APIResponse(responseCode = "409", description = "The credit is revoked")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response correct(
            @PathParam("learnerId") @Pattern(regexp = LearnerIds.PATTERN) String learnerId,
            @PathParam("creditId") UUID creditId,
            @Parameter(description = "The ETag of the version being corrected", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            @Valid CorrectionRequest correction) {
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
        if (correction == null) {
            throw ProblemException.invalid("body", "a correction with its reason is required");
        }
        Credit next = ledger.correct(learnerId, creditId, ifMatch, correction, caller.isAdmin(), caller.subject());
        return Response.ok(next).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(next.version()))).build();
    }

    @DELETE
    @Path("/{creditId}")
    @Operation(summary = "Revoke a credit", description = "A new version with status REVOKED and the reason; every version is kept")
    @APIResponse(responseCode = "200", description = "The revoked credit, with its ETag", content = @Content(schema = @Schema(implementation = Credit.class)))
    @APIResponse(responseCode = "400", description = "reason missing")
    @APIResponse(responseCode = "409", description = "Already revoked")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response revoke(
            @PathParam("learnerId") @Pattern(regexp = LearnerIds.PATTERN) String learnerId,
            @PathParam("creditId") UUID creditId,
            @Parameter(description = "The ETag of the version being revoked", example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Why the credit is revoked", required = true, example = "Entered twice")
            @QueryParam("reason") String reason) {
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
        Credit revoked = ledger.revoke(learnerId, creditId, ifMatch, reason, caller.subject());
        return Response.ok(revoked).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(revoked.version()))).build();
    }
}
