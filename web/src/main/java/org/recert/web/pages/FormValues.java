package org.recert.web.pages;

import java.math.BigDecimal;
import java.util.Map;

/** How the forms turn typed text into the API's JSON values. */
final class FormValues {

    private FormValues() {
    }

    /** A number as JSON carries it, or the text as typed so that the API names the field that is wrong. */
    static Object number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return text.trim();
        }
    }

    /** Text without its surrounding blanks; null for nothing typed, so that the API says what is required. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A value of an API answer as the form shows it; empty for none; a number without trailing zeros (2, not 2.0). */
    static String text(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    /** True when the value is the number one (1, 1.0, "1.00"): a count of one reads in the singular. */
    static boolean isOne(Object value) {
        try {
            return value != null && new BigDecimal(value.toString()).compareTo(BigDecimal.ONE) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The If-Match header naming the version a form was made from (none when the form carries no version). */
    static Map<String, String> ifMatch(String version) {
        return version == null || !version.matches("\\d{1,9}") ? Map.of() : Map.of("If-Match", "\"" + version + "\"");
    }
}
