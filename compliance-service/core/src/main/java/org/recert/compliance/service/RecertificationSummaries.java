package org.recert.compliance.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.Category;
import org.recert.compliance.domain.Citation;
import org.recert.contracts.ComplianceStatus;
import org.recert.compliance.domain.CountedCredit;
import org.recert.compliance.domain.Credential;
import org.recert.compliance.domain.RuleSet;
import org.recert.compliance.status.StatusView;
import org.recert.compliance.store.LearnerCreditEntity;

/** What a learner will submit to recertify: today's counted credits with their evidence, and the day to apply by. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RecertificationSummaries {

    private final Evaluations evaluations;
    private final ObjectMapper json;

    public RecertificationSummaries(Evaluations evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    /** The evidence of a credit as the ledger holds it. */
    @Schema(name = "CreditEvidence")
    public record EvidenceView(@Schema(nullable = true) String issuer, @Schema(nullable = true) String certificateNumber,
            @Schema(nullable = true) String fileName, @Schema(nullable = true) String sha256) {
    }

    /** One counted credit, or the share of it that counts in one category. */
    @Schema(name = "SummaryCredit")
    public record SummaryCredit(String creditId, @Schema(nullable = true) String title, @Schema(nullable = true) String providerName,
            LocalDate completedOn, String activityType, BigDecimal amount, String unit, BigDecimal points, boolean approved,
            @Schema(nullable = true) EvidenceView evidence) {
    }

    /** The credits counted in one category and their points. */
    @Schema(name = "SummaryCategory")
    public record CategoryCredits(Category category, BigDecimal points, List<SummaryCredit> credits) {
    }

    /** A rule the summary relies on, with its source. */
    @Schema(name = "SummarySource")
    public record SourceView(String rule, String title, @Schema(nullable = true) String url, String confidence,
            @Schema(nullable = true) String note) {
    }

    /** The application summary: JSON, or the printable page of {@code Accept: text/html}. */
    @Schema(name = "RecertificationSummary", example = """
            {"learnerId":"maria","credential":"CMA_AAMA","credentialName":"CMA (AAMA)","ruleSetVersion":"2020-01-01","asOf":"2026-01-31",
             "status":"COMPLIANT","requirementsMet":true,"dueDate":"2027-03-31","graceEnd":"2027-06-29","applyBy":"2027-03-01",
             "categories":[{"category":"CLINICAL","points":22,"credits":[{"creditId":"0b6f...","title":"Infection control update",
               "providerName":"AAMA e-Learning Center","completedOn":"2025-04-02","activityType":"ONLINE_WORKSHOP","amount":10,
               "unit":"AAMA_CEU","points":10,"approved":true,"evidence":{"issuer":"AAMA e-Learning Center","certificateNumber":"C-2025-0042",
               "fileName":"certificate.pdf","sha256":null}}]}],
             "needsDocumentation":[],"documentationNote":"For each credit not approved by the AAMA ...","feeNote":"The application goes to the AAMA ...",
             "reasons":["Every requirement of the cycle is met: apply to recertify by 2027-03-01."],"sources":[]}""")
    public record SummaryView(String learnerId, String credential, String credentialName, String ruleSetVersion, LocalDate asOf,
            ComplianceStatus status, boolean requirementsMet, @Schema(nullable = true) LocalDate dueDate,
            @Schema(nullable = true) LocalDate graceEnd, @Schema(nullable = true) LocalDate applyBy, List<CategoryCredits> categories,
            List<SummaryCredit> needsDocumentation, @Schema(nullable = true) String documentationNote,
            @Schema(nullable = true) String feeNote, List<String> reasons, List<SourceView> sources) {
    }

    public SummaryView summary(String learnerId, Credential credential) {
        Evaluations.Evaluated evaluated = evaluations.evaluate(learnerId, credential, evaluations.today());
        RuleSet rules = evaluated.rules();
        StatusView view = evaluated.view();
        Map<String, LearnerCreditEntity> rows = new LinkedHashMap<>();
        evaluated.creditRows().forEach(row -> rows.put(row.creditId, row));
        Map<Category, List<SummaryCredit>> byCategory = new EnumMap<>(Category.class);
        Map<Category, BigDecimal> pointsByCategory = new EnumMap<>(Category.class);
        Map<String, SummaryCredit> nonApproved = new LinkedHashMap<>();
        for (CountedCredit counted : evaluated.evaluation().counted()) {
            SummaryCredit credit = credit(rows.get(counted.creditId()), counted);
            byCategory.computeIfAbsent(counted.category(), c -> new ArrayList<>()).add(credit);
            pointsByCategory.merge(counted.category(), counted.points(), BigDecimal::add);
            if (!counted.approved()) {
                nonApproved.merge(counted.creditId(), credit, (a, b) -> credit(rows.get(a.creditId()), a.points().add(b.points()), false));
            }
        }
        List<CategoryCredits> categories = new ArrayList<>();
        byCategory.forEach((category, credits) -> categories.add(new CategoryCredits(category, pointsByCategory.get(category), credits)));
        String documentation = nonApproved.isEmpty() ? null : "For each credit not approved by "
                + (rules.approvingBody() == null ? rules.issuer() : rules.approvingBody())
                + ", keep and submit proof of completion, the course description, the organization that issued the credit, "
                + "the amount and type of credit, and the dates of the activity.";
        List<SourceView> sources = new ArrayList<>();
        for (String rule : List.of("processing", "creditsAfterDueDate", "approvedMinimum")) {
            Citation citation = rules.citations().get(rule);
            if (citation != null) {
                sources.add(new SourceView(rule, citation.source().title(), citation.source().url(), citation.confidence().word(),
                        citation.note()));
            }
        }
        return new SummaryView(learnerId, rules.code(), rules.name(), rules.version(), view.asOf(), view.status(),
                view.requirementsMet(), view.dueDate(), view.graceEnd(), view.applyBy(), categories,
                List.copyOf(nonApproved.values()), documentation, rules.applicationNote(), view.reasons(), sources);
    }

    private SummaryCredit credit(LearnerCreditEntity row, CountedCredit counted) {
        return credit(row, counted.points(), counted.approved());
    }

    private SummaryCredit credit(LearnerCreditEntity row, BigDecimal points, boolean approved) {
        return new SummaryCredit(row.creditId, row.title, row.providerName, row.completedOn, row.activityType, row.amount, row.unit,
                points, approved, evidence(row.evidence));
    }

    private EvidenceView evidence(String evidence) {
        if (evidence == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(evidence);
            return new EvidenceView(text(node, "issuer"), text(node, "certificateNumber"), text(node, "fileName"), text(node, "sha256"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
