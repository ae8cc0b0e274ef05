package org.recert.compliance.api;

import java.math.BigDecimal;
import java.util.List;

import org.recert.compliance.service.RecertificationSummaries.CategoryCredits;
import org.recert.compliance.service.RecertificationSummaries.EvidenceView;
import org.recert.compliance.service.RecertificationSummaries.SourceView;
import org.recert.compliance.service.RecertificationSummaries.SummaryCredit;
import org.recert.compliance.service.RecertificationSummaries.SummaryView;

/** The application summary as a printable page: plain semantic HTML, every value escaped, print styles inline. */
final class SummaryPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#111}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
            .deadline{font-size:1.2rem;border:2px solid #111;padding:.5rem 1rem;display:inline-block}
            @media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}a[href]::after{content:" (" attr(href) ")"}
            h2{break-after:avoid}table,tr{break-inside:avoid}}""";

    private SummaryPage() {
    }

    static String render(SummaryView summary) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(summary.credentialName())).append(" recertification summary</title><style>").append(STYLE)
                .append("</style></head><body><main>\n<header><h1>").append(esc(summary.credentialName()))
                .append(" recertification summary</h1><p>Learner <strong>").append(esc(summary.learnerId())).append("</strong>, as of ")
                .append(esc(summary.asOf())).append(", under the rules of ").append(esc(summary.ruleSetVersion())).append(". Status: <strong>")
                .append(esc(summary.status())).append("</strong>.</p>");
        if (summary.applyBy() != null) {
            html.append("<p class=\"deadline\">Apply by <time datetime=\"").append(esc(summary.applyBy())).append("\">")
                    .append(esc(summary.applyBy())).append("</time> (due ").append(esc(summary.dueDate())).append(", grace period ends ")
                    .append(esc(summary.graceEnd())).append(")</p>");
        }
        html.append("</header>\n<section><h2>Status</h2><ul>");
        summary.reasons().forEach(reason -> html.append("<li>").append(esc(reason)).append("</li>"));
        html.append("</ul></section>\n<section><h2>Counted credits by category</h2>");
        if (summary.categories().isEmpty()) {
            html.append("<p>No credit counts yet.</p>");
        }
        for (CategoryCredits category : summary.categories()) {
            html.append("<h3>").append(esc(category.category())).append(": ").append(points(category.points())).append(" points</h3>");
            credits(html, category.credits());
        }
        html.append("</section>\n<section><h2>Credits that need documentation</h2>");
        if (summary.needsDocumentation().isEmpty()) {
            html.append("<p>None: every counted credit is on the approving body's record.</p>");
        } else {
            html.append("<p>").append(esc(summary.documentationNote())).append("</p>");
            credits(html, summary.needsDocumentation());
        }
        html.append("</section>\n");
        if (summary.feeNote() != null) {
            html.append("<section><h2>Fees and what to prepare</h2><p>").append(esc(summary.feeNote())).append("</p></section>\n");
        }
        if (!summary.sources().isEmpty()) {
            html.append("<section><h2>Sources</h2><ul>");
            for (SourceView source : summary.sources()) {
                html.append("<li>").append(esc(source.rule())).append(": ");
                if (source.url() != null) {
                    html.append("<a href=\"").append(esc(source.url())).append("\">").append(esc(source.title())).append("</a>");
                } else {
                    html.append(esc(source.title()));
                }
                html.append(" (").append(esc(source.confidence())).append(")");
                if (source.note() != null) {
                    html.append(": ").append(esc(source.note()));
                }
                html.append("</li>");
            }
            html.append("</ul></section>\n");
        }
        return html.append("</main></body></html>\n").toString();
    }

    private static void credits(StringBuilder html, List<SummaryCredit> credits) {
        html.append("<table><thead><tr><th scope=\"col\">Completed</th><th scope=\"col\">Title</th><th scope=\"col\">Provider</th>"
                + "<th scope=\"col\">Credit</th><th scope=\"col\">Points</th><th scope=\"col\">Approved</th><th scope=\"col\">Evidence</th>"
                + "</tr></thead><tbody>");
        for (SummaryCredit credit : credits) {
            html.append("<tr><td>").append(esc(credit.completedOn())).append("</td><td>").append(esc(credit.title()))
                    .append("</td><td>").append(esc(credit.providerName())).append("</td><td>").append(points(credit.amount()))
                    .append(' ').append(esc(credit.unit())).append("</td><td>").append(points(credit.points())).append("</td><td>")
                    .append(credit.approved() ? "yes" : "no").append("</td><td>").append(evidence(credit.evidence())).append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private static String evidence(EvidenceView evidence) {
        if (evidence == null) {
            return "none recorded";
        }
        StringBuilder text = new StringBuilder();
        append(text, "issuer", evidence.issuer());
        append(text, "certificate", evidence.certificateNumber());
        append(text, "file", evidence.fileName());
        return text.isEmpty() ? "none recorded" : text.toString();
    }

    private static void append(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append(text.isEmpty() ? "" : "; ").append(label).append(' ').append(esc(value));
        }
    }

    private static String points(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** Escapes text for an HTML element or a quoted attribute. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
