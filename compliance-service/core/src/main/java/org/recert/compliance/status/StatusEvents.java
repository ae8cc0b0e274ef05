package org.recert.compliance.status;

import org.recert.compliance.domain.Requirement;
import org.recert.compliance.domain.RequirementCode;
import org.recert.contracts.ComplianceStatus;
import org.recert.contracts.StatusEvent;

/** A change of stored status as compliance.status.v1 carries it: the evaluation in the contract's shape. */
final class StatusEvents {

    private StatusEvents() {
    }

    static StatusEvent changed(String learnerId, String credential, ComplianceStatus old, StatusView view) {
        StatusEvent.Evaluation evaluation = new StatusEvent.Evaluation(view.learnerId(), view.credential(), view.credentialName(),
                view.ruleSetVersion(), view.asOf(), view.status(), view.certifiedOn(), view.cycleStart(), view.dueDate(), view.graceEnd(),
                view.applyBy(), view.daysRemaining(), view.requirementsMet(),
                view.requirements().stream().map(StatusEvents::requirement).toList(),
                view.counted().stream().map(c -> new StatusEvent.Counted(c.creditId(), c.points(), c.category(), c.approved(),
                        c.verification())).toList(),
                view.excluded().stream().map(e -> new StatusEvent.Excluded(e.creditId(), e.code().name(), e.reason(), e.points())).toList(),
                view.reasons(), view.nextStatusChangeOn());
        return new StatusEvent(learnerId, credential, old, view.status(), evaluation);
    }

    /** A requirement with what it asks for as codes, so that consumers word it in their own language. */
    private static StatusEvent.Requirement requirement(Requirement requirement) {
        RequirementCode code = requirement.code();
        return new StatusEvent.Requirement(code.name(), requirement.required(), requirement.earned(), requirement.shortfall(), code.kind(),
                code.category(), code.approvingBody(), code.unit());
    }
}
