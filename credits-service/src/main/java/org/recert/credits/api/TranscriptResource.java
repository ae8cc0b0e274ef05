package org.recert.credits.api;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.credits.config.CreditsConfig;
import org.recert.credits.domain.Transcript;
import org.recert.credits.service.CreditLedger;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.LearnerIds;
import org.recert.platform.web.PageRequest;

/** The transcript a learner attaches to a recertification application: JSON, or CSV for a spreadsheet. */
@Path("/credits/learners/{learnerId}/transcript")
@Tag(name = "Credits")
@RolesAllowed({ Roles.LEARNER, Roles.ADMIN })
@APIResponse(responseCode = "400", description = "from/to, the cursor or the limit invalid")
@APIResponse(responseCode = "403", description = "Not a learner or an admin")
@APIResponse(responseCode = "404", description = "Another learner's transcript")
public class TranscriptResource {

    static final String TEXT_CSV = "text/csv";
    private static final String CSV_EXAMPLE = """
            Row type,Credit id,Completed on,Activity type,Title,Provider,Approval,Unit,Amount,Administrative,Clinical,General,Contact hour equivalent,Source,Version,Verification
            CREDIT,0b9f5a8e-4a55-4c43-9d3e-6d2f4f1f7a10,2025-05-01,ONLINE_WORKSHOP,Infection control,AAMA e-Learning Center,AAMA,AAMA_CEU,2,0,2,0,2,LEARNER_REPORTED,1,SELF_REPORTED
            TOTAL,,,,,,ALL,AAMA_CEU,2,0,2,0,2,,,
            TOTAL,,,,,,ALL,CONTACT_HOUR_EQUIVALENT,2,0,2,0,2,,,
            """;

    private final CreditLedger ledger;
    private final Caller caller;
    private final CreditsConfig config;

    public TranscriptResource(CreditLedger ledger, Caller caller, CreditsConfig config) {
        this.ledger = ledger;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Credits per page, 1-200 (default 50)", example = "50")
    @Operation(summary = "A learner's transcript", description = "Active credits completed in [from, to], oldest first, one page at "
            + "a time (cursor, limit), with the totals of the whole period by category and approval, as issued and in contact-hour "
            + "equivalents. Ask with Accept: text/csv for the whole period as a spreadsheet, streamed.")
    @APIResponse(responseCode = "200", description = "The transcript", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Transcript.class)),
            @Content(mediaType = TEXT_CSV, examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)) })
    public Transcript json(
            @PathParam("learnerId") @Pattern(regexp = LearnerIds.PATTERN) String learnerId,
            @Parameter(description = "Completed on or after", example = "2022-04-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") LocalDate from,
            @Parameter(description = "Completed on or before", example = "2027-03-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") LocalDate to,
            @BeanParam PageRequest page) {
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
        return ledger.transcript(learnerId, from, to, page.cursor(), page.size(config.defaultPageSize(), config.maxPageSize()));
    }

    @GET
    @Produces(TEXT_CSV)
    @Operation(hidden = true)
    public Response csv(
            @PathParam("learnerId") @Pattern(regexp = LearnerIds.PATTERN) String learnerId,
            @QueryParam("from") LocalDate fromDay,
            @QueryParam("to") LocalDate toDay) {
        caller.requireSelfOrAdmin(learnerId, "learner " + learnerId);
        // refused with a 400 before the streamed 200 begins
        CreditLedger.checkRange(fromDay, toDay);
        StreamingOutput body = output -> ledger.exportTranscript(learnerId, fromDay, toDay,
                (sums, credits) -> TranscriptCsv.write(output, sums, credits));
        return Response.ok(body, TEXT_CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"transcript-" + learnerId.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
                .build();
    }
}
