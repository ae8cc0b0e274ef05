package org.recert.compliance.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.recert.contracts.ComplianceStatus;

/**
 * Where a learner stands in one credential on one day; says nothing about who the learner is.
 *
 * @param cycleStart         null when there is no certification
 * @param dueDate            null when there is no certification
 * @param graceEnd           null when there is no certification
 * @param daysRemaining      days from {@code asOf} to the due date, negative when past due; null without certification
 * @param nextStatusChangeOn first day on which the passing of time alone may change the status; null when it cannot
 * @param applyBy            last day to apply so that the slowest processing the counted credit needs ends by the due
 *                           date; null without certification
 * @param ruleSetVersion     the version of the credential's rules the cycle was evaluated under
 */
public record Evaluation(
        String credential,
        LocalDate asOf,
        ComplianceStatus status,
        LocalDate cycleStart,
        LocalDate dueDate,
        LocalDate graceEnd,
        Integer daysRemaining,
        List<Requirement> requirements,
        List<CountedCredit> counted,
        List<ExcludedCredit> excluded,
        LocalDate nextStatusChangeOn,
        LocalDate applyBy,
        String ruleSetVersion) {

    public Evaluation {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(status, "status");
        requirements = List.copyOf(requirements);
        counted = List.copyOf(counted);
        excluded = List.copyOf(excluded);
    }

    /** True when every requirement of the cycle is met. */
    public boolean requirementsMet() {
        return requirements.stream().allMatch(Requirement::met);
    }

    public Optional<Requirement> requirement(RequirementCode code) {
        return requirements.stream().filter(r -> r.code() == code).findFirst();
    }
}
