package org.recert.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import org.recert.web.api.Answer;

/**
 * A unit as the record-a-credit form offers it: what it is, and what it is worth under each credential as compliance's
 * rule sets publish it (the list of {@code GET /compliance/credentials}). The figures come only from there.
 *
 * @param worth one sentence per credential, e.g. "CMA (AAMA): 4 points each, all Clinical, ..."; empty when unknown
 */
@TemplateData
public record UnitWorth(String code, String name, String explanation, List<String> worth) {

    /** Every unit of the form, with the figures of every credential in the answer (none when it is not a success). */
    static List<UnitWorth> of(Answer credentials) {
        List<UnitWorth> units = new ArrayList<>();
        for (CreditUnits unit : CreditUnits.ALL) {
            List<String> worth = new ArrayList<>();
            if (credentials.ok()) {
                for (Object item : credentials.items()) {
                    if (item instanceof Map<?, ?> credential) {
                        worth.add(sentence(credential, unit.code()));
                    }
                }
            }
            units.add(new UnitWorth(unit.code(), unit.name(), unit.explanation(), List.copyOf(worth)));
        }
        return List.copyOf(units);
    }

    private static String sentence(Map<?, ?> credential, String unitCode) {
        String name = String.valueOf(credential.get("name"));
        Object units = credential.get("units");
        if (!(units instanceof Map<?, ?> byUnit) || !(byUnit.get(unitCode) instanceof Map<?, ?> rule)) {
            return name + ": does not count.";
        }
        StringBuilder sentence = new StringBuilder(name).append(": ")
                .append(points(rule.get("pointsPerUnit"), String.valueOf(credential.get("pointName")))).append(" each");
        if (rule.get("fixedCategory") != null) {
            sentence.append(", all ").append(Words.label(rule.get("fixedCategory")));
        }
        Object approval = rule.get("forcedApproval");
        if (approval != null) {
            Object body = credential.get("approvingBody");
            sentence.append(", ").append(!"NON_AAMA".equals(approval.toString()) ? "counted as " + Words.label(approval) + "-approved"
                    : body == null ? "never counted as approved" : "never counted as " + Words.label(body) + "-approved");
        }
        if (rule.get("maxUnitsPerCycle") != null) {
            sentence.append(", at most ").append(FormValues.text(rule.get("maxUnitsPerCycle"))).append(" per cycle");
        }
        return sentence.append('.').toString();
    }

    /** "4 points", "1 point", "1 CE credit": the credential's own word for its points. */
    private static String points(Object value, String pointName) {
        String word = FormValues.isOne(value) && pointName.endsWith("s") ? pointName.substring(0, pointName.length() - 1) : pointName;
        return FormValues.text(value) + " " + word;
    }
}
