package org.recert.compliance.employers.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.contracts.ComplianceStatus;
import org.recert.compliance.employers.ConsentActor;
import org.recert.compliance.employers.Ids;
import org.recert.compliance.employers.Rosters;
import org.recert.compliance.employers.api.RosterDtos.MemberRequest;
import org.recert.compliance.employers.api.RosterDtos.RosterEntry;
import org.recert.compliance.employers.RosterFilter;
import org.recert.compliance.employers.RosterLine;
import org.recert.compliance.employers.RosterSort;
import org.recert.compliance.service.RuleSets;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;
import org.recert.platform.web.Cursor;
import org.recert.platform.web.PageRequest;
import org.recert.platform.web.Page;

@Path("/compliance/organizations")
@Tag(name = "Employers")
@RolesAllowed({ Roles.ADMIN, Roles.EMPLOYER })
@APIResponses({
        @APIResponse(responseCode = "400", description = "Malformed id, filter or body; names the field"),
        @APIResponse(responseCode = "403", description = "A role that may not use this endpoint"),
        @APIResponse(responseCode = "404", description = "Not found, or another organization's or learner's") })
public class RosterResource {

    public static final String CSV = "text/csv";
    private static final CsvSchema CSV_SCHEMA = CsvSchema.builder()
            .addColumn("learnerId").addColumn("staffRef").addColumn("consent").addColumn("credential").addColumn("status")
            .addColumn("cycleStart").addColumn("dueDate").addColumn("daysRemaining").addColumn("shortfall")
            .setUseHeader(true).build();
    /**
     * Rows go out as the stream's buffer fills, not one by one: Jackson flushes after each value by default, which
     * made a 10,000-member export 10,000 HTTP chunks of one row each (and as many writes at every hop after).
     */
    private static final ObjectWriter CSV_WRITER = new CsvMapper().writer(CSV_SCHEMA)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final Rosters rosters;
    private final RuleSets ruleSets;
    private final Clock clock;
    private final Caller caller;

    public RosterResource(Rosters rosters, RuleSets ruleSets, Caller caller, Clock clock) {
        this.rosters = rosters;
        this.ruleSets = ruleSets;
        this.clock = clock;
        this.caller = caller;
    }

    @PUT
    @Path("/{orgId}/members/{learnerId}")
    @Operation(summary = "Put a learner on the roster", description = "Adds the learner, or changes their staff reference. "
            + "The organization sees nothing of them until they consent.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterEntry.class)))
    @APIResponse(responseCode = "200", description = "Already a member; the staff reference as given", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterEntry.class)))
    @APIResponse(responseCode = "409", description = "The staff reference names another member")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putMember(@PathParam("orgId") UUID orgId, @PathParam("learnerId") String learnerId, @Valid MemberRequest body) {
        UUID organization = organization(orgId);
        String learner = Ids.learner(learnerId, "learnerId");
        boolean added = rosters.putMember(organization, learner, body == null ? null : body.staffRef());
        RosterEntry entry = RosterEntry.of(rosters.member(organization, learner).get(0), LocalDate.now(clock));
        return added
                ? Response.created(URI.create("/api/v1/compliance/organizations/" + organization + "/members/" + learner)).entity(entry).build()
                : Response.ok(entry).build();
    }

    @GET
    @Path("/{orgId}/members/{learnerId}")
    @Operation(summary = "Read one member", description = "One line per credential with a stored status; only consent PENDING without consent.")
    @APIResponse(responseCode = "200", description = "The member's roster lines")
    @APIResponse(responseCode = "404", description = "Not on the roster, or not your organization")
    public List<RosterEntry> member(@PathParam("orgId") UUID orgId, @PathParam("learnerId") String learnerId) {
        UUID organization = organization(orgId);
        LocalDate today = LocalDate.now(clock);
        return rosters.member(organization, Ids.learner(learnerId, "learnerId")).stream().map(r -> RosterEntry.of(r, today)).toList();
    }

    @DELETE
    @Path("/{orgId}/members/{learnerId}")
    @Operation(summary = "Take a learner off the roster", description = "Ends the learner's consent to this organization (recorded "
            + "in their consent audit): listing them again shows them PENDING until they grant it again. Pending webhook "
            + "deliveries about them are cancelled.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Not on the roster, or not your organization")
    public void removeMember(@PathParam("orgId") UUID orgId, @PathParam("learnerId") String learnerId) {
        rosters.removeMember(organization(orgId), Ids.learner(learnerId, "learnerId"), ConsentActor.of(caller));
    }

    @GET
    @Path("/{orgId}/roster")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the roster", description = "One line per member and credential with a stored status, keyset-paged (1 to 500 lines a page, default 50). "
            + "Members without consent show consent PENDING and nothing else; a status or dueBefore filter leaves them out.")
    @APIResponse(responseCode = "200", description = "A page of roster lines")
    @APIResponse(responseCode = "400", description = "Unknown status, credential or sort; malformed date, cursor or limit")
    public Page<RosterEntry> roster(@PathParam("orgId") UUID orgId,
            @Parameter(description = "One or more statuses, repeated or comma-separated", example = "AT_RISK") @QueryParam("status") List<String> status,
            @Parameter(description = "Due strictly before this day", example = "2027-01-01") @QueryParam("dueBefore") LocalDate dueBefore,
            @Parameter(example = "CMA_AAMA") @QueryParam("credential") String credential,
            @Parameter(description = "GRANTED or PENDING") @QueryParam("consent") String consent,
            @Parameter(description = "dueDate (default) or learnerId") @QueryParam("sort") String sort,
            @BeanParam PageRequest page) {
        int size = page.size(Paging.DEFAULT_LIMIT, Paging.MAX_LIMIT);
        RosterSort order = sort(sort);
        List<String> after = List.of();
        if (page.cursor() != null) {
            List<String> values = Cursor.decode(page.cursor(), order == RosterSort.DUE_DATE ? 4 : 3);
            if (!values.get(0).equals(order.parameter())) {
                throw ProblemException.invalid("cursor", "was issued for another sort order");
            }
            after = checkedSortKey(order, values.subList(1, values.size()));
        }
        RosterFilter filter = filter(orgId, status, dueBefore, credential, consent, order, after, size + 1);
        List<RosterLine> rows = rosters.page(filter);
        LocalDate today = LocalDate.now(clock);
        List<RosterEntry> items = rows.stream().limit(size).map(r -> RosterEntry.of(r, today)).toList();
        String next = null;
        if (rows.size() > size) {
            List<String> key = new ArrayList<>();
            key.add(order.parameter());
            key.addAll(rows.get(size - 1).sortKey());
            next = Cursor.encode(key.toArray(String[]::new));
        }
        return Page.of(items, next);
    }

    @GET
    @Path("/{orgId}/roster")
    @Produces(CSV)
    @Operation(summary = "Export the roster as CSV", description = "The whole filtered roster, streamed, with a header line.")
    @APIResponse(responseCode = "200", description = "text/csv")
    public Response rosterCsv(@PathParam("orgId") UUID orgId, @QueryParam("status") List<String> status,
            @QueryParam("dueBefore") LocalDate dueBefore, @QueryParam("credential") String credential,
            @QueryParam("consent") String consent, @QueryParam("sort") String sort) {
        RosterFilter filter = filter(orgId, status, dueBefore, credential, consent, sort(sort), List.of(), 0);
        rosters.requireOrganization(filter.organizationId());
        LocalDate today = LocalDate.now(clock);
        StreamingOutput body = output -> {
            try (SequenceWriter writer = csvRows(output)) {
                rosters.export(filter, row -> {
                    RosterEntry e = RosterEntry.of(row, today);
                    try {
                        writer.write(new Object[] { e.learnerId(), e.staffRef(), e.consent(), e.credential(), e.status(),
                                text(e.cycleStart()), text(e.dueDate()), text(e.daysRemaining()),
                                e.shortfall() == null ? null : e.shortfall().toPlainString() });
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                });
            }
        };
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"roster-" + filter.organizationId() + ".csv\"").build();
    }

    /** A writer of the roster's CSV lines, header first, onto the answer's stream. */
    static SequenceWriter csvRows(OutputStream output) throws IOException {
        return CSV_WRITER.writeValues(output);
    }

    /** The sort values of a cursor, checked so that a tampered one answers 400 instead of failing in the query. */
    private static List<String> checkedSortKey(RosterSort order, List<String> values) {
        if (order == RosterSort.DUE_DATE) {
            Cursor.date(values.get(0));
        }
        return values;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private UUID organization(UUID orgId) {
        caller.requireOrganization(orgId.toString());
        return orgId;
    }

    private RosterFilter filter(UUID orgId, List<String> status, LocalDate dueBefore, String credential, String consent,
            RosterSort sort, List<String> after, int limit) {
        UUID organization = organization(orgId);
        Set<String> statuses = new LinkedHashSet<>();
        for (String value : status == null ? List.<String>of() : status) {
            for (String part : value.split(",")) {
                String trimmed = part.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    statuses.add(ComplianceStatus.valueOf(trimmed).name());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid("status", "must be one of " + java.util.Arrays.toString(ComplianceStatus.values()));
                }
            }
        }
        if (credential != null) {
            ruleSets.byField("credential", credential);
        }
        if (consent != null && !consent.equals("GRANTED") && !consent.equals("PENDING")) {
            throw ProblemException.invalid("consent", "must be GRANTED or PENDING");
        }
        return new RosterFilter(organization, statuses, dueBefore, credential, consent, sort, after, limit, null);
    }

    private static RosterSort sort(String sort) {
        if (sort == null) {
            return RosterSort.DUE_DATE;
        }
        RosterSort order = RosterSort.fromParameter(sort);
        if (order == null) {
            throw ProblemException.invalid("sort", "must be dueDate or learnerId");
        }
        return order;
    }
}
