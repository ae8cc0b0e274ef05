package org.recert.compliance.status;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.ComplianceStatus;
import org.recert.compliance.domain.CountedCredit;
import org.recert.compliance.domain.Evaluation;
import org.recert.compliance.domain.ExcludedCredit;
import org.recert.compliance.domain.Requirement;
import org.recert.compliance.domain.RuleSet;
import org.recert.compliance.domain.StatusReasons;

/**
 * Where a learner stands in one credential on one day: the status shape of DESIGN.md, plus the reasons in words.
 * The same shape is the {@code evaluation} of compliance.status.v1 and of {@link LearnerStatusChanged}.
 */
@Schema(name = "StatusEvaluation", description = "A learner's standing in one credential on one day", example = """
        {"learnerId":"maria","credential":"CMA_AAMA","credentialName":"CMA (AAMA)","ruleSetVersion":"2020-01-01","asOf":"2026-01-31",
         "status":"AT_RISK","certifiedOn":"2022-03-15","cycleStart":"2022-03-15","dueDate":"2027-03-31","graceEnd":"2027-06-29",
         "applyBy":"2027-03-01","daysRemaining":424,
         "requirementsMet":false,
         "requirements":[{"code":"TOTAL","required":60,"earned":12,"shortfall":48},{"code":"ADMINISTRATIVE","required":10,"earned":2,"shortfall":8},
           {"code":"CLINICAL","required":10,"earned":10,"shortfall":0},{"code":"GENERAL","required":10,"earned":0,"shortfall":10},
           {"code":"AAMA_APPROVED","required":30,"earned":12,"shortfall":18}],
         "counted":[{"creditId":"0b6f...","points":2,"category":"ADMINISTRATIVE","approved":true}],
         "excluded":[{"creditId":"7d1c...","code":"ACTIVITY_NOT_ACCEPTED","reason":"Employment does not count toward CMA (AAMA) recertification: only continuing education does.","points":null}],
         "reasons":["48 points still to earn; due 2027-03-31, in 424 days."],"nextStatusChangeOn":"2026-10-02"}""")
public record StatusView(
        String learnerId,
        String credential,
        String credentialName,
        @Schema(description = "The version of the credential's rules the cycle was evaluated under: the one in force on its due date")
        String ruleSetVersion,
        LocalDate asOf,
        ComplianceStatus status,
        @Schema(nullable = true, description = "null without a certification") LocalDate certifiedOn,
        @Schema(nullable = true, description = "null without a certification") LocalDate cycleStart,
        @Schema(nullable = true, description = "null without a certification") LocalDate dueDate,
        @Schema(nullable = true, description = "null without a certification") LocalDate graceEnd,
        @Schema(nullable = true, description = "Last day to apply so that the slowest processing the counted credit needs ends "
                + "by the due date (the due date itself when every counted credit is approved by the approving body)") LocalDate applyBy,
        @Schema(nullable = true, description = "days from asOf to the due date; null without a certification") Integer daysRemaining,
        boolean requirementsMet,
        List<Requirement> requirements,
        List<CountedCredit> counted,
        List<ExcludedCredit> excluded,
        List<String> reasons,
        @Schema(nullable = true, description = "the day time alone changes the status; null when it never will") LocalDate nextStatusChangeOn) {

    public static StatusView of(String learnerId, RuleSet rules, LocalDate certifiedOn, Evaluation evaluation, int atRiskDays) {
        return new StatusView(learnerId, rules.code(), rules.name(), evaluation.ruleSetVersion(), evaluation.asOf(), evaluation.status(),
                evaluation.status() == ComplianceStatus.NO_CERTIFICATION ? null : certifiedOn, evaluation.cycleStart(),
                evaluation.dueDate(), evaluation.graceEnd(), evaluation.applyBy(), evaluation.daysRemaining(), evaluation.requirementsMet(),
                evaluation.requirements(), evaluation.counted(), evaluation.excluded(),
                StatusReasons.of(rules, evaluation, atRiskDays), evaluation.nextStatusChangeOn());
    }
}
