package org.recert.web.pages;

import java.util.Map;

import io.quarkus.qute.TemplateExtension;

/** The API's codes in a person's words, for the templates: {@code {recert:status(code)}}. */
@TemplateExtension(namespace = "recert")
public final class Words {

    private static final Map<String, String> STATUSES = Map.of(
            "COMPLIANT", "Compliant: every requirement is met",
            "ON_TRACK", "On track",
            "AT_RISK", "At risk: points missing and the due date is near",
            "GRACE", "In grace: past due, still time to recertify by continuing education",
            "LAPSED", "Lapsed: the exam must be retaken",
            "NO_CERTIFICATION", "No certification recorded");

    private Words() {
    }

    /** The status in words. */
    static String status(Object code) {
        return code == null ? "Unknown" : STATUSES.getOrDefault(code.toString(), code.toString());
    }

    /** The CSS class of a status's colour. */
    static String statusClass(Object code) {
        return code == null ? "status-unknown" : "status-" + code.toString().toLowerCase().replace('_', '-');
    }

    /** A code such as {@code ONLINE_WORKSHOP} as {@code Online workshop}. */
    static String label(Object code) {
        if (code == null) {
            return "";
        }
        String text = code.toString().replace('_', ' ').toLowerCase();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
