package org.recert.credits.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.credits.reports.CompletionReports;
import org.recert.credits.reports.ReportCsv;
import org.recert.credits.reports.ReportResult;
import org.recert.credits.reports.ReportRow;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;

/** Where providers report the completions of their own catalog courses, in batches. */
@Path("/credits/completion-reports")
@Tag(name = "Credits")
@RolesAllowed({ Roles.PROVIDER, Roles.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "200", description = "Every row's outcome, in the order sent",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResult.class)))
@APIResponse(responseCode = "400", description = "Not a well-formed report (malformed JSON or CSV row, no rows); nothing written")
@APIResponse(responseCode = "403", description = "Not a provider or an admin, or a provider token without a provider claim")
@APIResponse(responseCode = "413", description = "More rows than a report may carry (10,000 by default); nothing written")
public class CompletionReportResource {

    private final CompletionReports reports;
    private final Caller caller;

    public CompletionReportResource(CompletionReports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report completions (JSON)",
            description = "A provider's batch of completions of its own courses. Each row is ACCEPTED (a new PROVIDER_REPORTED credit), "
                    + "ALREADY_RECORDED (sent before: same course, learner and date, or same rowId) or REJECTED with the field and reason.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReportRow.class),
            examples = @ExampleObject(name = "one completion", value = ApiExamples.REPORT_JSON)))
    public ReportResult reportJson(List<ReportRow> rows) {
        return reports.report(rows, reporter());
    }

    @POST
    @Consumes({ TranscriptResource.TEXT_CSV, "application/csv" })
    @Operation(summary = "Report completions (CSV)",
            description = "The same as JSON, as CSV with a header row: rowId, courseId, learnerId, completedOn, certificateNumber "
                    + "(rowId and certificateNumber optional). A malformed row refuses the whole report with 400 naming it.")
    @RequestBody(content = @Content(mediaType = TranscriptResource.TEXT_CSV,
            examples = @ExampleObject(name = "one completion", value = ApiExamples.REPORT_CSV)))
    public ReportResult reportCsv(String body) {
        CompletionReports.Reporter reporter = reporter();
        return reports.report(ReportCsv.parse(body, reports.maxRows()), reporter);
    }

    private CompletionReports.Reporter reporter() {
        Optional<UUID> provider = caller.providerId();
        if (provider.isEmpty() && caller.provider().isPresent()) {
            throw ProblemException.forbidden("your token's provider claim is not a provider id");
        }
        if (!caller.isAdmin() && provider.isEmpty()) {
            throw ProblemException.forbidden("your token names no provider");
        }
        return new CompletionReports.Reporter(provider, caller.isAdmin(), caller.subject());
    }
}
