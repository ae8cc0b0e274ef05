package org.recert.credits.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
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
import org.recert.credits.config.CreditsConfig;
import org.recert.credits.domain.Credit;
import org.recert.contracts.CreditSource;
import org.recert.contracts.CreditStatus;
import org.recert.credits.service.CreditLedger;
import org.recert.credits.domain.CreditFilter;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.LearnerIds;
import org.recert.platform.web.ETags;
import org.recert.platform.web.Page;
import org.recert.platform.web.PageRequest;

/** A learner's credit ledger over HTTP: the learner's own, or any for an admin. */
@Path("/credits/learners/{learnerId}/credits")
@Tag(name = "Credits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LEARNER, Roles.ADMIN })
@APIResponse(responseCode = "400", description = "A parameter (the credit id a UUID, a filter, the limit) or the body is invalid; the problem names it")
@APIResponse(responseCode = "403", description = "Not a learner or an admin")
@APIResponse(responseCode = "404", description = "Another learner's ledger, or no such credit")
public class CreditResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final java.util.regex.Pattern SANE_KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final CreditLedger ledger;
    private final Caller caller;
    private final CreditsConfig config;
    private final UriInfo uriInfo;

    public CreditResource(CreditLedger ledger, Caller caller, UriInfo uriInfo, CreditsConfig config) {
        this.ledger = ledger;
        this.config = config;
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
        CreditLedger.Recorded recorded = ledger.record(learnerId, idempotencyKey, request.toNewCredit(), source, caller.subject());
        Credit credit = recorded.credit();
        Response.ResponseBuilder response = ETags.tagged(Response.created(uriInfo.getAbsolutePathBuilder().path(credit.id().toString()).build()),
                credit.version()).entity(credit);
        if (recorded.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Operation(summary = "List a learner's credits", description = "Newest completion first, cursor-paged; every filter optional")
    @APIResponse(responseCode = "200", description = "One page: {items, nextCursor}")
    @APIResponse(responseCode = "400", description = "A filter, the cursor or the limit is invalid")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Credits per page, 1-200 (default 50)", example = "50")
    public Page<Credit> list(
            @PathParam("learnerId") @Pattern(regexp = LearnerIds.PATTERN) String learnerId,
            @Parameter(description = "Completed on or after", example = "2022-04-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") LocalDate from,
            @Parameter(description = "Completed on or before", example = "2027-03-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") LocalDate to,
            @QueryParam("category") Category category,
            @QueryParam("approval") Approval approval,
            @QueryParam("activityType") ActivityType activityType,
            @Parameter(description = "ACTIVE or REVOKED; both when absent") @QueryParam("status") CreditStatus status,
            @BeanParam PageRequest page) {
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
        CreditFilter filter = new CreditFilter(from, to, category, approval, activityType, status);
        return ledger.list(learnerId, filter, page.cursor(), page.size(config.defaultPageSize(), config.maxPageSize()));
    }

    @GET
    @Path("/{creditId}")
    @Operation(summary = "Read a credit", description = "The current version with its ETag; with versions=all, every version")
    @APIResponse(responseCode = "200", description = "The credit (or its history with versions=all)",
            content = @Content(schema = @Schema(oneOf = { Credit.class, CreditHistory.class })))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version: the copy the client holds is current")
    public Response read(
            @PathParam("learnerId") @Pattern(regexp = LearnerIds.PATTERN) String learnerId,
            @PathParam("creditId") UUID creditId,
            @Parameter(description = "all: every version, oldest first") @QueryParam("versions") String versions,
            @Parameter(description = "The ETag of the copy the client holds (the current version only)", example = "\"1\"")
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
        if (versions != null && !versions.equals("all")) {
            throw ProblemException.invalid("versions", "the only value is all");
        }
        if (versions == null) {
            Credit credit = ledger.current(learnerId, creditId);
            return ETags.read(credit, credit.version(), ifNoneMatch);
        }
        List<Credit> all = ledger.versions(learnerId, creditId);
        int current = all.get(all.size() - 1).version();
        return ETags.ok(new CreditHistory(creditId, learnerId, current, all), current);
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
        Credit next = ledger.correct(learnerId, creditId, ifMatch, correction.toCorrection(), caller.isAdmin(), caller.subject());
        return ETags.ok(next, next.version());
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
        return ETags.ok(revoked, revoked.version());
    }
}
