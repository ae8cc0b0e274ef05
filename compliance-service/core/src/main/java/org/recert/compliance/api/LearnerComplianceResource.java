package org.recert.compliance.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.compliance.domain.Credential;
import org.recert.compliance.service.CertificationService;
import org.recert.compliance.service.CertificationView;
import org.recert.compliance.service.Evaluations;
import org.recert.compliance.service.LearnerOverviews;
import org.recert.compliance.service.PlanService;
import org.recert.compliance.service.RecertificationSummaries;
import org.recert.compliance.service.RuleSets;
import org.recert.compliance.status.StatusView;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.LearnerIds;
import org.recert.platform.web.Page;
import org.recert.platform.web.Range;

/**
 * A learner's certifications, status and plan. A learner reaches only their own; admins reach everyone; no other role
 * (employer access comes with the employers' consent and roster feature, not here).
 */
@Path("/compliance/learners/{learnerId}")
@Tag(name = "Compliance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LEARNER, Roles.ADMIN })
public class LearnerComplianceResource {

    /** The largest budget a plan is asked for. */
    private static final long MAX_BUDGET = 1_000_000_000L;
    /** The most credentials an overview is asked to show besides those held. */
    private static final int MAX_SHOWN = 20;
    private static final int MAX_CODE_LENGTH = 64;

    private final Caller caller;
    private final RuleSets ruleSets;
    private final CertificationService certifications;
    private final Evaluations evaluations;
    private final PlanService plans;
    private final RecertificationSummaries summaries;
    private final LearnerOverviews overviews;

    public LearnerComplianceResource(Caller caller, RuleSets ruleSets, CertificationService certifications, Evaluations evaluations,
            PlanService plans, RecertificationSummaries summaries, LearnerOverviews overviews) {
        this.overviews = overviews;
        this.caller = caller;
        this.ruleSets = ruleSets;
        this.certifications = certifications;
        this.evaluations = evaluations;
        this.plans = plans;
        this.summaries = summaries;
    }

    /** The list shape of the API, typed for the OpenAPI document. */
    @Schema(name = "CertificationPage")
    public record CertificationPage(List<CertificationView> items, String nextCursor) {
    }

    /** The current cycle of a credential and every earlier one. */
    @Schema(name = "CertificationHistory", example = """
            {"learnerId":"maria","credential":"CMA_AAMA","current":{"certifiedOn":"2027-03-20","dueDate":"2032-03-31","current":true},
             "history":[{"certifiedOn":"2027-03-20","current":true},{"certifiedOn":"2022-03-15","current":false}]}""")
    public record CertificationHistory(String learnerId, String credential, CertificationView current, List<CertificationView> history) {
    }

    @PUT
    @Path("/certifications/{credential}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a certification date", description = "The date of certification or last recertification sets the "
            + "current cycle. The same date again changes nothing (200); a new date starts a new cycle (201) and keeps the old "
            + "one in the history. The learner's status is re-evaluated at once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CertificationRequest.class),
            examples = @ExampleObject(name = "certified", value = "{\"certifiedOn\":\"2022-02-10\"}")))
    @APIResponse(responseCode = "201", description = "A new cycle started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificationView.class)))
    @APIResponse(responseCode = "200", description = "That date was already the current cycle's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificationView.class)))
    @APIResponse(responseCode = "400", description = Problems.BAD_INPUT + "; a certification date in the future")
    @APIResponse(responseCode = "403", description = Problems.WRONG_ROLE)
    @APIResponse(responseCode = "404", description = Problems.NOT_YOURS + "; unknown credential")
    public Response certify(@Parameter(example = "maria") @PathParam("learnerId") String learnerId,
            @Parameter(example = "CMA_AAMA") @PathParam("credential") String credential,
            @Valid @NotNull CertificationRequest request) {
        authorize(learnerId);
        Credential rules = ruleSets.byPath(credential);
        CertificationService.Recorded recorded = certifications.certify(learnerId, rules, request.certifiedOn(), caller.subject());
        CertificationView view = recorded.certification();
        if (!recorded.newCycle()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/v1/compliance/learners/" + learnerId + "/certifications/" + rules.code()))
                .entity(view).build();
    }

    @GET
    @Path("/certifications")
    @Operation(summary = "List current certifications", description = "The current cycle of every credential the learner holds.")
    @APIResponse(responseCode = "200", description = "Current certifications",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificationPage.class)))
    @APIResponse(responseCode = "400", description = Problems.BAD_INPUT)
    @APIResponse(responseCode = "403", description = Problems.WRONG_ROLE)
    @APIResponse(responseCode = "404", description = Problems.NOT_YOURS)
    public Page<CertificationView> certifications(@Parameter(example = "maria") @PathParam("learnerId") String learnerId) {
        authorize(learnerId);
        return Page.of(certifications.current(learnerId), null);
    }

    @GET
    @Path("/certifications/{credential}")
    @Operation(summary = "Get a certification and its history", description = "The current cycle and every earlier one, newest first.")
    @APIResponse(responseCode = "200", description = "Current cycle and history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificationHistory.class)))
    @APIResponse(responseCode = "400", description = Problems.BAD_INPUT)
    @APIResponse(responseCode = "403", description = Problems.WRONG_ROLE)
    @APIResponse(responseCode = "404", description = Problems.NOT_YOURS + "; unknown credential; never certified in it")
    public CertificationHistory history(@Parameter(example = "maria") @PathParam("learnerId") String learnerId,
            @Parameter(example = "CMA_AAMA") @PathParam("credential") String credential) {
        authorize(learnerId);
        Credential rules = ruleSets.byPath(credential);
        List<CertificationView> history = certifications.requireHistory(learnerId, rules.code());
        CertificationView current = history.stream().filter(CertificationView::current).findFirst().orElse(null);
        return new CertificationHistory(learnerId, rules.code(), current, history);
    }

    @GET
    @Path("/status")
    @Operation(summary = "Evaluate a learner's status", description = "Where the learner stands in a credential today (or on asOf): "
            + "COMPLIANT, ON_TRACK, AT_RISK, GRACE, LAPSED or NO_CERTIFICATION, every requirement with what is earned and "
            + "missing, the credits that count and those that do not, each with its reason. Points are exact decimals.")
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusView.class)))
    @APIResponse(responseCode = "400", description = Problems.BAD_INPUT)
    @APIResponse(responseCode = "403", description = Problems.WRONG_ROLE)
    @APIResponse(responseCode = "404", description = Problems.NOT_YOURS)
    public StatusView status(@Parameter(example = "maria") @PathParam("learnerId") String learnerId,
            @Parameter(description = "Credential code", required = true, example = "CMA_AAMA") @QueryParam("credential") String credential,
            @Parameter(description = "Evaluation day (default today), from 1970-01-01 to ten years ahead", example = "2026-01-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") LocalDate asOf) {
        authorize(learnerId);
        Credential rules = ruleSets.byField("credential", credential);
        return evaluations.evaluate(learnerId, rules, evaluations.asOf(asOf)).view();
    }

    /** The list shape of the API, typed for the OpenAPI document. */
    @Schema(name = "StatusPage")
    public record StatusPage(List<StatusView> items, String nextCursor) {
    }

    @GET
    @Path("/statuses")
    @Operation(summary = "Evaluate every credential held", description = "Today's evaluation of each credential the learner holds a "
            + "certification in (an empty list when none).")
    @APIResponse(responseCode = "200", description = "One evaluation per credential held",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusPage.class)))
    @APIResponse(responseCode = "400", description = Problems.BAD_INPUT)
    @APIResponse(responseCode = "403", description = Problems.WRONG_ROLE)
    @APIResponse(responseCode = "404", description = Problems.NOT_YOURS)
    public Page<StatusView> statuses(@Parameter(example = "maria") @PathParam("learnerId") String learnerId) {
        authorize(learnerId);
        LocalDate today = evaluations.today();
        return Page.of(certifications.current(learnerId).stream()
                .map(certification -> ruleSets.find(certification.credential())
                        .map(rules -> evaluations.evaluate(learnerId, rules, today).view()))
                .flatMap(java.util.Optional::stream).toList(), null);
    }

    @GET
    @Path("/plan")
    @Operation(summary = "Plan the cheapest recertification", description = "The catalog courses that close every shortfall at the "
            + "lowest total fee, then the fewest contact minutes (an exact optimum, not a greedy pick), skipping courses already "
            + "taken and retired ones, with the evaluation projected after them. A subscription is paid once per provider. "
            + "Over the budget, the cheapest plan is still shown, with feasible=false and infeasibility=OVER_BUDGET.")
    @APIResponse(responseCode = "200", description = "The plan, or why there is none",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanService.PlanView.class)))
    @APIResponse(responseCode = "400", description = Problems.BAD_INPUT + "; a negative budget")
    @APIResponse(responseCode = "403", description = Problems.WRONG_ROLE)
    @APIResponse(responseCode = "404", description = Problems.NOT_YOURS)
    public PlanService.PlanView plan(@Parameter(example = "maria") @PathParam("learnerId") String learnerId,
            @Parameter(description = "Credential code", required = true, example = "CMA_AAMA") @QueryParam("credential") String credential,
            @Parameter(description = "Most the learner will pay, in the catalog's currency, at most 1000000000 with 2 decimals", example = "100.00")
            @QueryParam("budget") @Range(min = 0, max = MAX_BUDGET, maxScale = 2) BigDecimal budget,
            @Parameter(description = "Only AAMA-approved courses", example = "false") @QueryParam("approvedOnly") Boolean approvedOnly) {
        authorize(learnerId);
        Credential rules = ruleSets.byField("credential", credential);
        return plans.plan(learnerId, rules, budget, Boolean.TRUE.equals(approvedOnly));
    }

    @GET
    @Path("/overview")
    @Operation(summary = "Status and cheapest plan in every credential", description = "What a dashboard shows, in one call: for each "
            + "credential named (in that order, held or not) and then each other one the learner holds, today's status as GET status "
            + "answers it and the cheapest plan as GET plan answers it without a budget. A code that names no credential is refused "
            + "as a whole, as GET status refuses it; a credential that cannot be answered for this learner carries the problem those "
            + "calls would have answered, and the others are still answered.")
    @APIResponse(responseCode = "200", description = "One entry per credential",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LearnerOverviews.Overview.class)))
    @APIResponse(responseCode = "400", description = Problems.BAD_INPUT + "; a code that names no credential, or more than " + MAX_SHOWN
            + " credentials named")
    @APIResponse(responseCode = "403", description = Problems.WRONG_ROLE)
    @APIResponse(responseCode = "404", description = Problems.NOT_YOURS)
    public LearnerOverviews.Overview overview(@Parameter(example = "maria") @PathParam("learnerId") String learnerId,
            @Parameter(description = "Credential codes shown first even when not held; repeatable", example = "CMA_AAMA")
            @QueryParam("credential") List<String> credentials) {
        authorize(learnerId);
        List<String> shown = credentials == null ? List.of() : credentials.stream().filter(code -> !code.isBlank()).distinct().toList();
        if (shown.size() > MAX_SHOWN) {
            throw ProblemException.invalid("credential", "at most " + MAX_SHOWN + " credentials");
        }
        if (shown.stream().anyMatch(code -> code.length() > MAX_CODE_LENGTH)) {
            throw ProblemException.invalid("credential", "a credential code has at most " + MAX_CODE_LENGTH + " characters");
        }
        return overviews.overview(learnerId, shown);
    }

    @GET
    @Path("/recertification-summary")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @Operation(summary = "Summarize a recertification application", description = "What the learner will submit, as of today: the "
            + "counted credits by category with their evidence, the credits not approved by the approving body that need "
            + "documentation, the fee note, and the last day to apply (applyBy). JSON, or a printable HTML page with "
            + "Accept: text/html. Same access as the status: the learner and admins.")
    @APIResponse(responseCode = "200", description = "The summary", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecertificationSummaries.SummaryView.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = Problems.BAD_INPUT)
    @APIResponse(responseCode = "403", description = Problems.WRONG_ROLE)
    @APIResponse(responseCode = "404", description = Problems.NOT_YOURS)
    public Response summary(@Parameter(example = "maria") @PathParam("learnerId") String learnerId,
            @Parameter(description = "Credential code", required = true, example = "CMA_AAMA") @QueryParam("credential") String credential,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        authorize(learnerId);
        Credential rules = ruleSets.byField("credential", credential);
        RecertificationSummaries.SummaryView summary = summaries.summary(learnerId, rules);
        if (prefersHtml(headers.getAcceptableMediaTypes())) {
            return Response.ok(SummaryPage.render(summary), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(summary, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** HTML only when the client ranks it above JSON (a browser); anything else, including no Accept, gets JSON. */
    private static boolean prefersHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    private void authorize(String learnerId) {
        if (!LearnerIds.isValid(learnerId)) {
            throw ProblemException.invalid("learnerId", "must match " + LearnerIds.PATTERN);
        }
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
    }
}
