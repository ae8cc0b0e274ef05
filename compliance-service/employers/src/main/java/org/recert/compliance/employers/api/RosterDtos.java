package org.recert.compliance.employers.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.compliance.employers.RosterLine;
import org.recert.compliance.status.Provenance;
import org.recert.platform.web.LearnerIds;

/** Bodies of the roster, member and roster-check endpoints. Status only: never credits. */
public final class RosterDtos {

    public static final int MAX_CHECK = 1000;
    public static final String STAFF_REF = "[\\p{Alnum}][\\p{Alnum} ._:/#-]{0,63}";

    private RosterDtos() {
    }

    @Schema(name = "MemberRequest")
    public record MemberRequest(
            @Size(max = 64) @Pattern(regexp = STAFF_REF, message = "letters, digits and . _ : / # - only, at most 64")
            @Schema(description = "The employer's own reference for this person", examples = "EMP-0042") String staffRef) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "learnerId", "staffRef", "consent", "credential", "status", "cycleStart", "dueDate", "daysRemaining", "shortfall", "evaluatedAt", "provenance" })
    @Schema(name = "RosterEntry", description = "A member; without consent only learnerId, staffRef and consent PENDING")
    public record RosterEntry(
            @Schema(examples = "maria") String learnerId,
            @Schema(examples = "EMP-0042") String staffRef,
            @Schema(enumeration = { "GRANTED", "PENDING" }) String consent,
            @Schema(examples = "CMA_AAMA") String credential,
            @Schema(examples = "AT_RISK") String status,
            LocalDate cycleStart,
            @Schema(examples = "2027-03-31") LocalDate dueDate,
            Integer daysRemaining,
            @Schema(description = "Points still missing in the cycle", examples = "12.5") BigDecimal shortfall,
            OffsetDateTime evaluatedAt,
            Provenance provenance) {

        public static RosterEntry of(RosterLine row, LocalDate today) {
            if (!row.consented()) {
                return new RosterEntry(row.learnerId(), row.staffRef(), "PENDING", null, null, null, null, null, null, null, null);
            }
            return new RosterEntry(row.learnerId(), row.staffRef(), "GRANTED", row.credential(), row.status(), row.cycleStart(),
                    row.dueDate(), RosterDtos.daysRemaining(row.dueDate(), today), row.shortfall(), row.evaluatedAt(), row.provenance());
        }
    }

    @Schema(name = "RosterCheck")
    public record RosterCheckRequest(
            @NotBlank @Schema(examples = "CMA_AAMA") String credential,
            @Size(max = MAX_CHECK, message = "at most " + MAX_CHECK + " per check")
            @Schema(examples = "[\"maria\", \"james\"]")
            List<@NotNull @Pattern(regexp = LearnerIds.PATTERN, message = "must be a learner id") String> learnerIds,
            @Size(max = MAX_CHECK, message = "at most " + MAX_CHECK + " per check")
            List<@NotNull @Pattern(regexp = STAFF_REF, message = "must be a staff reference") String> staffRefs,
            @Schema(description = "Only for admins; an employer checks its own organization") UUID organizationId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "learnerId", "staffRef", "visible", "status", "cycleStart", "dueDate", "daysRemaining", "shortfall", "evaluatedAt", "provenance" })
    @Schema(name = "RosterCheckResult", description = "visible false says nothing else, not even why")
    public record RosterCheckResult(
            String learnerId,
            String staffRef,
            boolean visible,
            String status,
            LocalDate cycleStart,
            LocalDate dueDate,
            Integer daysRemaining,
            BigDecimal shortfall,
            OffsetDateTime evaluatedAt,
            Provenance provenance) {

        public static RosterCheckResult hidden(String learnerId, String staffRef) {
            return new RosterCheckResult(learnerId, staffRef, false, null, null, null, null, null, null, null);
        }

        public static RosterCheckResult of(RosterLine row, boolean byStaffRef, LocalDate today) {
            return new RosterCheckResult(row.learnerId(), byStaffRef ? row.staffRef() : null, true, row.status(), row.cycleStart(),
                    row.dueDate(), RosterDtos.daysRemaining(row.dueDate(), today), row.shortfall(), row.evaluatedAt(), row.provenance());
        }
    }

    @Schema(name = "RosterCheckResponse")
    public record RosterCheckResponse(String credential, OffsetDateTime checkedAt, List<RosterCheckResult> results) {
    }

    static Integer daysRemaining(LocalDate dueDate, LocalDate today) {
        return dueDate == null ? null : (int) ChronoUnit.DAYS.between(today, dueDate);
    }
}
