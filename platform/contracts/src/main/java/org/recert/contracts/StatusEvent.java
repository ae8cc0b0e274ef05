package org.recert.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of a {@code compliance.status.v1} event (docs/events/compliance.status.v1.schema.json): a learner's stored
 * status in a credential changed; {@code evaluation} is the status as of the day the change was found.
 */
public record StatusEvent(
        String learnerId,
        String credential,
        ComplianceStatus oldStatus,
        ComplianceStatus newStatus,
        Evaluation evaluation) {

    public static final String CHANGED = "ComplianceStatusChanged";

    /** The status shape of the compliance API, as of {@code asOf}. */
    public record Evaluation(
            String learnerId,
            String credential,
            @JsonInclude(JsonInclude.Include.NON_NULL) String credentialName,
            @JsonInclude(JsonInclude.Include.NON_NULL) String ruleSetVersion,
            LocalDate asOf,
            ComplianceStatus status,
            LocalDate certifiedOn,
            LocalDate cycleStart,
            LocalDate dueDate,
            LocalDate graceEnd,
            LocalDate applyBy,
            Integer daysRemaining,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean requirementsMet,
            List<Requirement> requirements,
            List<Counted> counted,
            List<Excluded> excluded,
            List<String> reasons,
            LocalDate nextStatusChangeOn) {
    }

    /**
     * One requirement of the cycle: {@code code} is TOTAL, a category, AAMA_APPROVED or CPR_CARD; {@code required},
     * {@code earned} and {@code shortfall} are the credential's points, or units for a {@link RequirementKind#UNIT_MINIMUM}.
     * {@code kind} and the one of {@code category}, {@code approvingBody} or {@code unit} it names were added later (events
     * without them are still valid), so a consumer can word the requirement itself, in any language.
     */
    public record Requirement(String code, BigDecimal required, BigDecimal earned, BigDecimal shortfall,
            @JsonInclude(JsonInclude.Include.NON_NULL) RequirementKind kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) Category category,
            @JsonInclude(JsonInclude.Include.NON_NULL) ApprovalBody approvingBody,
            @JsonInclude(JsonInclude.Include.NON_NULL) CreditUnit unit) {

        /** A requirement in the shape published before {@code kind} existed. */
        public Requirement(String code, BigDecimal required, BigDecimal earned, BigDecimal shortfall) {
            this(code, required, earned, shortfall, null, null, null, null);
        }
    }

    /** A credit that counts, with its points; {@code verification} is null for a course a plan proposes. */
    public record Counted(String creditId, BigDecimal points, Category category,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean approved, Verification verification) {
    }

    /** A credit, or part of one, that does not count, and why. */
    public record Excluded(String creditId, @JsonInclude(JsonInclude.Include.NON_NULL) String code, String reason,
            BigDecimal points) {
    }
}
