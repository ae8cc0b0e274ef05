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

    /** One requirement of the cycle, in the credential's points; {@code code} is TOTAL, a category, AAMA_APPROVED or CPR_CARD. */
    public record Requirement(String code, BigDecimal required, BigDecimal earned, BigDecimal shortfall) {
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
