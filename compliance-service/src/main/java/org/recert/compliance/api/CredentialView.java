package org.recert.compliance.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.compliance.domain.ActivityType;
import org.recert.compliance.domain.Approval;
import org.recert.compliance.domain.Category;
import org.recert.compliance.domain.CreditUnit;
import org.recert.compliance.domain.RuleSet;
import org.recert.compliance.domain.UnitRule;

/** A credential and its recertification rules, as its rule file states them. */
@Schema(name = "Credential", example = """
        {"code":"CMA_AAMA","name":"CMA (AAMA)","issuer":"American Association of Medical Assistants","version":"2025.1",
         "pointName":"points","cycleMonths":60,"cycleEndsAtMonthEnd":true,"totalPoints":60,
         "categoryMinimums":{"ADMINISTRATIVE":10,"CLINICAL":10,"GENERAL":10},"approvedMinimum":30,"approvingBody":"AAMA",
         "nonApprovedCap":30,"minimumContactMinutes":50,"graceDays":90,"atRiskDays":180,
         "units":{"CPR_CARD":{"pointsPerUnit":4,"description":"A 2-year provider-level CPR card ...","fixedCategory":"CLINICAL",
           "forcedApproval":"NON_AAMA","maxUnitsPerCycle":3}},
         "excludedActivities":{"CONTINUED_EMPLOYMENT":"Employment does not count toward CMA (AAMA) recertification: only continuing education does."},
         "summary":["60 points per 60-month cycle, due at the end of the month","At least 10 ADMINISTRATIVE, 10 CLINICAL, 10 GENERAL points"],
         "notes":["..."]}""")
public record CredentialView(
        String code,
        String name,
        String issuer,
        String version,
        String pointName,
        int cycleMonths,
        boolean cycleEndsAtMonthEnd,
        BigDecimal totalPoints,
        Map<Category, BigDecimal> categoryMinimums,
        BigDecimal approvedMinimum,
        Approval approvingBody,
        BigDecimal nonApprovedCap,
        Integer minimumContactMinutes,
        int graceDays,
        int atRiskDays,
        Map<CreditUnit, UnitView> units,
        Map<ActivityType, String> excludedActivities,
        List<String> summary,
        List<String> notes) {

    /** How the credential converts one issued unit. */
    public record UnitView(BigDecimal pointsPerUnit, String description, Category fixedCategory, Approval forcedApproval,
            Integer maxUnitsPerCycle) {
    }

    public static CredentialView of(RuleSet rules, int atRiskDays) {
        Map<CreditUnit, UnitView> units = new LinkedHashMap<>();
        rules.units().forEach((unit, rule) -> units.put(unit, unit(rule)));
        return new CredentialView(rules.code(), rules.name(), rules.issuer(), rules.version(), rules.pointName(),
                rules.cycleMonths(), rules.cycleEndsAtMonthEnd(), rules.totalPoints(), rules.categoryMinimums(),
                rules.approvedMinimum(), rules.approvingBody(), rules.nonApprovedCap().orElse(null),
                rules.minimumContactMinutes(), rules.graceDays(), atRiskDays, units, rules.excludedActivities(),
                summary(rules, atRiskDays), rules.notes());
    }

    private static UnitView unit(UnitRule rule) {
        return new UnitView(rule.pointsPerUnit(), rule.description(), rule.fixedCategory(), rule.forcedApproval(),
                rule.maxUnitsPerCycle());
    }

    private static List<String> summary(RuleSet rules, int atRiskDays) {
        List<String> lines = new ArrayList<>();
        lines.add(rules.totalPoints().toPlainString() + " " + rules.pointName() + " per " + rules.cycleMonths() + "-month cycle, due "
                + (rules.cycleEndsAtMonthEnd() ? "at the end of the calendar month" : "on the anniversary of certification"));
        if (!rules.categoryMinimums().isEmpty()) {
            List<String> minimums = new ArrayList<>();
            rules.categoryMinimums().forEach((category, minimum) -> minimums.add(minimum.toPlainString() + " " + category));
            lines.add("At least " + String.join(", ", minimums) + " " + rules.pointName());
        }
        if (rules.approvedMinimum() != null) {
            lines.add("At least " + rules.approvedMinimum().toPlainString() + " " + rules.pointName() + " approved by "
                    + rules.approvingBody() + "; other credit counts for " + rules.nonApprovedCap().orElseThrow().toPlainString()
                    + " at most");
        }
        if (rules.minimumContactMinutes() != null) {
            lines.add("Activity not approved by " + (rules.approvingBody() == null ? "the issuer" : rules.approvingBody())
                    + " must last at least " + rules.minimumContactMinutes() + " minutes");
        }
        rules.units().forEach((unit, rule) -> {
            if (rule.limited()) {
                lines.add("At most " + rule.maxUnitsPerCycle() + " " + unit.plural() + " per cycle");
            }
        });
        if (!rules.excludedActivities().isEmpty()) {
            lines.add("Not accepted: " + String.join(", ", rules.excludedActivities().keySet().stream().map(Enum::name).toList()));
        }
        lines.add("Grace period of " + rules.graceDays() + " days after the due date; AT_RISK from " + atRiskDays
                + " days before it");
        return List.copyOf(lines);
    }
}
