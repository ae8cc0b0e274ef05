package org.recert.compliance.domain;

import java.util.ArrayList;
import java.util.List;
import org.recert.contracts.ComplianceStatus;

/** The sentences that tell a learner why their status is what it is, and what is missing. */
public final class StatusReasons {

    private StatusReasons() {
    }

    public static List<String> of(RuleSet rules, Evaluation evaluation, int atRiskDays) {
        List<String> reasons = new ArrayList<>();
        String points = rules.pointName();
        String missing = Points.show(evaluation.requirement(RequirementCode.TOTAL).map(Requirement::shortfall).orElseThrow());
        switch (evaluation.status()) {
            case NO_CERTIFICATION -> reasons.add("No " + rules.name() + " certification is recorded for " + evaluation.asOf()
                    + ": record the date of certification or last recertification.");
            case LAPSED -> reasons.add("Expired: the cycle was due " + evaluation.dueDate() + " and its " + rules.graceDays()
                    + "-day grace period ended " + evaluation.graceEnd() + "; continuing education can no longer renew it, the exam must be retaken.");
            case COMPLIANT -> reasons.add("Every requirement of the cycle is met: apply to recertify by "
                    + (evaluation.asOf().isAfter(evaluation.applyBy()) ? evaluation.graceEnd() : evaluation.applyBy()) + ".");
            case ON_TRACK -> reasons.add(missing + " " + points + " still to earn; due " + evaluation.dueDate() + ", in "
                    + evaluation.daysRemaining() + " days.");
            case AT_RISK -> reasons.add(missing + " " + points + " still to earn and the cycle is due " + evaluation.dueDate()
                    + ", in " + evaluation.daysRemaining() + " days: within the " + atRiskDays + "-day at-risk window.");
            case GRACE -> {
                if (rules.creditsAfterDueDateCount()) {
                    reasons.add("Past due since " + evaluation.dueDate() + ": the requirements can still be met by "
                            + evaluation.graceEnd() + " (grace period of " + rules.graceDays() + " days), after that the exam must be retaken.");
                } else {
                    reasons.add("Past due since " + evaluation.dueDate() + ": you may still apply to recertify by continuing education until "
                            + evaluation.graceEnd() + ", after that the exam must be retaken.");
                    reasons.add("Only credit earned by the due date " + evaluation.dueDate() + " is sure to be accepted: " + rules.issuer()
                            + " does not say that credit earned after it counts, so Recert does not count it. Ask " + rules.contact()
                            + " before relying on credit earned since then.");
                }
            }
        }
        boolean open = evaluation.status() == ComplianceStatus.ON_TRACK || evaluation.status() == ComplianceStatus.AT_RISK;
        if (open && evaluation.applyBy().isBefore(evaluation.dueDate())) {
            reasons.add("Apply by " + evaluation.applyBy() + ": " + (rules.approvingBody() == null ? "" : "with credit not approved by "
                    + rules.approvingBody() + ", ") + "processing can take up to " + rules.processing().otherDays() + " days before the due date "
                    + evaluation.dueDate() + ".");
        }
        if (evaluation.status() != ComplianceStatus.NO_CERTIFICATION && evaluation.status() != ComplianceStatus.COMPLIANT) {
            for (Requirement requirement : evaluation.requirements()) {
                if (!requirement.met()) {
                    reasons.add(describe(requirement, rules) + ": " + Points.show(requirement.earned()) + " of "
                            + Points.show(requirement.required()) + ", " + Points.show(requirement.shortfall()) + " missing.");
                }
            }
        }
        return List.copyOf(reasons);
    }

    private static String describe(Requirement requirement, RuleSet rules) {
        return switch (requirement.code()) {
            case TOTAL -> "Total " + rules.pointName();
            case AAMA_APPROVED -> rules.approvingBody() + "-approved " + rules.pointName();
            default -> requirement.code().name() + " " + rules.pointName();
        };
    }
}
