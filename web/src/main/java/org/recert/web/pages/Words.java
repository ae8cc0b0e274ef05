package org.recert.web.pages;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** Words that stay in capitals inside a label: the names of bodies and units. */
    private static final Set<String> ACRONYMS = Set.of("AAMA", "CEU", "CEUS", "CPR", "CME", "IACET", "CMA", "USD", "CSV", "JSON",
            "URL", "ID");

    /** Codes whose plain reading would mislead or read badly. */
    private static final Map<String, String> SPECIAL = Map.of(
            "NON_AAMA", "Not AAMA-approved",
            "AAMA_APPROVED", "AAMA-approved",
            "ON_THE_JOB_TRAINING", "On-the-job training",
            "CMA_AAMA", "CMA (AAMA)",
            "PER_COURSE", "Per course",
            "DUE_DATE", "Due date");

    private Words() {
    }

    /** The status in words. */
    static String status(Object code) {
        return code == null ? "Unknown" : STATUSES.getOrDefault(code.toString(), code.toString());
    }

    /** The CSS class of a status's colour. */
    static String statusClass(Object code) {
        return code == null ? "status-unknown" : "status-" + code.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A code such as {@code ONLINE_WORKSHOP} as {@code Online workshop}, {@code CPR_CERTIFICATION} as {@code CPR certification}. */
    static String label(Object code) {
        if (code == null) {
            return "";
        }
        String special = SPECIAL.get(code.toString());
        if (special != null) {
            return special;
        }
        StringBuilder text = new StringBuilder();
        for (String word : code.toString().split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(ACRONYMS.contains(word.toUpperCase(Locale.ROOT)) ? word.toUpperCase(Locale.ROOT) : word.toLowerCase(Locale.ROOT));
        }
        return text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A unit as a sentence names it: {@code AAMA CEU}, {@code contact hour}, {@code CPR card}. */
    static String unit(Object code) {
        if (code == null) {
            return "";
        }
        for (CreditUnits unit : CreditUnits.ALL) {
            if (unit.code().equals(code.toString())) {
                String name = unit.name();
                // "Contact hour" reads "contact hour" mid-sentence; "AAMA CEU" and "CPR card" keep their capitals
                return name.length() > 1 && Character.isLowerCase(name.charAt(1))
                        ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
            }
        }
        return label(code).toLowerCase(Locale.ROOT);
    }

    /** An amount in its unit, counted: {@code 1 CPR card}, {@code 10 contact hours}, {@code 2.5 AAMA CEUs}. */
    static String amount(Object value, Object unitCode) {
        String name = unit(unitCode);
        if (value == null) {
            return name;
        }
        return FormValues.text(value) + " " + (FormValues.isOne(value) || name.isEmpty() ? name : name + "s");
    }

    /** A moment the API gives (ISO 8601) as a person reads it, in UTC: {@code 2026-12-04 23:33 UTC}. */
    static String when(Object timestamp) {
        if (timestamp == null) {
            return "";
        }
        try {
            return java.time.OffsetDateTime.parse(timestamp.toString()).atZoneSameInstant(java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        } catch (java.time.format.DateTimeParseException e) {
            return timestamp.toString();
        }
    }
}
