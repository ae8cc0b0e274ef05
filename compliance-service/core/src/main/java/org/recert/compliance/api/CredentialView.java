package org.recert.compliance.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.ActivityType;
import org.recert.contracts.Approval;
import org.recert.contracts.Category;
import org.recert.compliance.domain.Credential;
import org.recert.contracts.CreditUnit;
import org.recert.compliance.domain.RuleSet;
import org.recert.compliance.domain.UnitRule;
import org.recert.compliance.domain.UnitWords;

/** A credential and its recertification rules, as its rule file states them. */
@Schema(name = "Credential", example = """
        {"code":"CMA_AAMA","name":"CMA (AAMA)","issuer":"American Association of Medical Assistants","version":"2020-01-01",
         "effectiveFrom":"2020-01-01","pointName":"points","cycleMonths":60,"cycleEndsAtMonthEnd":true,"totalPoints":60,
         "categoryMinimums":{"ADMINISTRATIVE":10,"CLINICAL":10,"GENERAL":10},"approvedMinimum":30,"approvingBody":"AAMA",
         "nonApprovedCap":30,"minimumContactMinutes":50,"graceDays":90,"atRiskDays":180,
         "units":{"CPR_CARD":{"pointsPerUnit":4,"description":"A 2-year provider-level CPR card ...","fixedCategory":"CLINICAL",
           "forcedApproval":"AAMA","maxUnitsPerCycle":3}},
         "excludedActivities":{"CONTINUED_EMPLOYMENT":"Employment does not count toward CMA (AAMA) recertification: only continuing education does."},
         "summary":["60 points per 60-month cycle, due at the end of the month","At least 10 ADMINISTRATIVE, 10 CLINICAL, 10 GENERAL points"],
         "notes":["..."],
         "versions":[{"version":"2020-01-01","effectiveFrom":"2020-01-01","rules":[{"rule":"totalPoints","title":"AAMA: Recertification Policies",
           "url":"https://www.aama-ntl.org/cma-aama-exam/recertification-policies","confidence":"published","note":null}]}]}""")
public record CredentialView(
        String code,
        String name,
        String issuer,
        String version,
        @Schema(nullable = true) LocalDate effectiveFrom,
        String pointName,
        int cycleMonths,
        boolean cycleEndsAtMonthEnd,
        BigDecimal totalPoints,
        Map<Category, BigDecimal> categoryMinimums,
        @Schema(nullable = true) BigDecimal approvedMinimum,
        @Schema(nullable = true) Approval approvingBody,
        @Schema(nullable = true) BigDecimal nonApprovedCap,
        @Schema(nullable = true) Integer minimumContactMinutes,
        int graceDays,
        int atRiskDays,
        Map<CreditUnit, UnitView> units,
        Map<ActivityType, String> excludedActivities,
        List<String> summary,
        List<String> notes,
        List<VersionView> versions) {

    /** One dated version of the rules and where each of its rules comes from. */
    @Schema(name = "CredentialVersion")
    public record VersionView(String version, @Schema(nullable = true) LocalDate effectiveFrom, List<RuleSourceView> rules) {
    }

    /** The source of one rule: the certifying body's page, and how sure Recert is of its reading. */
    @Schema(name = "RuleSource")
    public record RuleSourceView(String rule, String title, @Schema(nullable = true) String url,
            @Schema(enumeration = {"published", "interpretation"}) String confidence, @Schema(nullable = true) String note) {
    }

    /** How the credential converts one issued unit: the figures clients show where a learner enters the unit. */
    public record UnitView(
            @Schema(description = "Points one unit is worth under this credential") BigDecimal pointsPerUnit,
            @Schema(description = "The rule as a learner reads it") String description,
            @Schema(nullable = true, description = "The category every point goes to, whatever the credit claims; null: as the credit splits them")
            Category fixedCategory,
            @Schema(nullable = true, description = "The approval every credit in this unit counts with; null: as issued")
            Approval forcedApproval,
            @Schema(nullable = true, description = "How many units count per cycle; null: no limit") Integer maxUnitsPerCycle) {
    }

    public static CredentialView of(Credential credential, int atRiskDays) {
        RuleSet rules = credential.latest();
        Map<CreditUnit, UnitView> units = new LinkedHashMap<>();
        Map<ActivityType, String> excluded = new LinkedHashMap<>();
        rules.excludedActivities().forEach((type, exclusion) -> excluded.put(type, exclusion.reason()));
        rules.units().forEach((unit, rule) -> units.put(unit, unit(rule)));
        return new CredentialView(rules.code(), rules.name(), rules.issuer(), rules.version(), rules.effectiveFrom(), rules.pointName(),
                rules.cycleMonths(), rules.cycleEndsAtMonthEnd(), rules.totalPoints(), rules.categoryMinimums(),
                rules.approvedMinimum(), rules.approvingBody(), rules.nonApprovedCap().orElse(null),
                rules.minimumContactMinutes(), rules.graceDays(), atRiskDays, units, excluded,
                summary(rules, atRiskDays), rules.notes(), credential.versions().stream().map(CredentialView::version).toList());
    }

    private static VersionView version(RuleSet rules) {
        List<RuleSourceView> sources = new ArrayList<>();
        rules.citations().forEach((rule, citation) -> sources.add(new RuleSourceView(rule, citation.source().title(),
                citation.source().url(), citation.confidence().word(), citation.note())));
        return new VersionView(rules.version(), rules.effectiveFrom(), sources);
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
                lines.add("At most " + rule.maxUnitsPerCycle() + " " + UnitWords.plural(unit) + " per cycle");
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
