package org.recert.notifications.domain;

import java.math.BigDecimal;

import org.recert.contracts.ApprovalBody;
import org.recert.contracts.Category;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.RequirementKind;
import org.recert.contracts.StatusEvent;

/**
 * One unmet requirement of a status, as codes and numbers (worded per language when shown): what it asks for, how much
 * is required, earned and still missing. {@code kind} is null only for a code this service does not know.
 */
public record Missing(String code, RequirementKind kind, Category category, ApprovalBody approvingBody, CreditUnit unit,
        BigDecimal required, BigDecimal earned, BigDecimal shortfall) {

    /**
     * The requirement of a compliance.status.v1 event. An event published before requirements carried their kind is
     * understood by its code, which then named every requirement there was.
     */
    public static Missing of(StatusEvent.Requirement requirement) {
        if (requirement.kind() != null) {
            return new Missing(requirement.code(), requirement.kind(), requirement.category(), requirement.approvingBody(),
                    requirement.unit(), requirement.required(), requirement.earned(), requirement.shortfall());
        }
        String code = requirement.code();
        RequirementKind kind = switch (code) {
            case "TOTAL" -> RequirementKind.TOTAL;
            case "ADMINISTRATIVE", "CLINICAL", "GENERAL" -> RequirementKind.CATEGORY_MINIMUM;
            case "AAMA_APPROVED" -> RequirementKind.APPROVED_MINIMUM;
            case "CPR_CARD" -> RequirementKind.UNIT_MINIMUM;
            default -> null;
        };
        return new Missing(code, kind, kind == RequirementKind.CATEGORY_MINIMUM ? Category.valueOf(code) : null,
                kind == RequirementKind.APPROVED_MINIMUM ? ApprovalBody.AAMA : null,
                kind == RequirementKind.UNIT_MINIMUM ? CreditUnit.CPR_CARD : null,
                requirement.required(), requirement.earned(), requirement.shortfall());
    }
}
