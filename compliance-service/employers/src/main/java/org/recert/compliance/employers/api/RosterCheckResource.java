package org.recert.compliance.employers.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recert.compliance.employers.Rosters;
import org.recert.compliance.employers.api.RosterDtos.RosterCheckRequest;
import org.recert.compliance.employers.api.RosterDtos.RosterCheckResponse;
import org.recert.compliance.employers.api.RosterDtos.RosterCheckResult;
import org.recert.compliance.employers.RosterLine;
import org.recert.compliance.service.RuleSets;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.security.Caller;
import org.recert.platform.security.Roles;

@Path("/compliance/roster-checks")
@Tag(name = "Employers")
@APIResponses({
        @APIResponse(responseCode = "400", description = "Malformed id, filter or body; names the field"),
        @APIResponse(responseCode = "403", description = "A role that may not use this endpoint"),
        @APIResponse(responseCode = "404", description = "Not found, or another organization's or learner's") })
public class RosterCheckResource {

    private final Rosters rosters;
    private final RuleSets ruleSets;
    private final Clock clock;
    private final Caller caller;

    public RosterCheckResource(Rosters rosters, RuleSets ruleSets, Caller caller, Clock clock) {
        this.rosters = rosters;
        this.ruleSets = ruleSets;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.EMPLOYER, Roles.ADMIN })
    @Operation(summary = "Check many staff at once", description = "Up to 1,000 learner ids or staff references of the caller's "
            + "organization: status, due date and shortfall of each consenting member, in the order asked; every other one "
            + "answers visible false, without a reason.")
    @APIResponse(responseCode = "200", description = "One result per distinct id asked")
    @APIResponse(responseCode = "400", description = "Over 1,000 ids, both or neither list, malformed id, unknown credential")
    @Consumes(MediaType.APPLICATION_JSON)
    public RosterCheckResponse check(@Valid @NotNull RosterCheckRequest body) {
        String credential = ruleSets.byField("credential", body.credential()).code();
        boolean byStaffRef = body.staffRefs() != null;
        if (byStaffRef == (body.learnerIds() != null)) {
            throw ProblemException.invalid("learnerIds", "give either learnerIds or staffRefs");
        }
        UUID organization = organization(body.organizationId());
        Set<String> asked = new LinkedHashSet<>(byStaffRef ? body.staffRefs() : body.learnerIds());
        Map<String, RosterLine> found = new HashMap<>();
        for (RosterLine row : rosters.check(organization, credential, asked, byStaffRef)) {
            found.put(byStaffRef ? row.staffRef() : row.learnerId(), row);
        }
        LocalDate today = LocalDate.now(clock);
        List<RosterCheckResult> results = new ArrayList<>(asked.size());
        for (String id : asked) {
            RosterLine row = found.get(id);
            if (row == null) {
                results.add(byStaffRef ? RosterCheckResult.hidden(null, id) : RosterCheckResult.hidden(id, null));
            } else {
                results.add(RosterCheckResult.of(row, byStaffRef, today));
            }
        }
        return new RosterCheckResponse(credential, OffsetDateTime.now(clock), results);
    }

    /** An employer checks its own organization; an admin names one. */
    private UUID organization(UUID requested) {
        if (caller.isAdmin()) {
            if (requested == null) {
                throw ProblemException.invalid("organizationId", "an admin names the organization to check");
            }
            return requested;
        }
        String own = caller.organization().orElseThrow(() -> ProblemException.forbidden("the token names no organization"));
        if (requested != null && !requested.toString().equals(own)) {
            throw ProblemException.notFound("organization " + requested);
        }
        return caller.organizationId()
                .orElseThrow(() -> ProblemException.forbidden("the token's organization is not an organization id"));
    }
}
