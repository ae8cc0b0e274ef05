package org.recert.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one API call gave: the data of a 2xx, the problem of a 4xx (RFC 9457, its field errors by field), or why the
 * service could not be reached. Pages render each part from its own answer, so one unavailable service leaves the
 * rest of the page whole.
 *
 * @param status the HTTP status, 0 when there was no answer
 * @param data the JSON body of a success as maps and lists (what the templates read), or null
 * @param problem the problem of a refusal, or null
 * @param unavailable why there is no data (a service down, a timeout), or null
 */
public record Answer(int status, Object data, Problem problem, String unavailable) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The data as a JSON object's fields (empty when there is none). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
        return data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The {@code items} of a list answer (empty when there are none). */
    @SuppressWarnings("unchecked")
    public List<Object> items() {
        Object items = object().get("items");
        return items instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** What to tell the user when this is not a success: the problem's words, or the outage's. */
    public String message() {
        if (problem != null) {
            return problem.message();
        }
        return unavailable == null ? "" : unavailable;
    }

    /**
     * An RFC 9457 problem as a page shows it.
     *
     * @param fieldErrors the message of each field that failed, by the API's field name (e.g. {@code amount.value})
     */
    public record Problem(String title, String detail, Map<String, String> fieldErrors) {

        public Problem {
            fieldErrors = new LinkedHashMap<>(fieldErrors);
        }

        public String message() {
            return detail == null || detail.isBlank() ? title : detail;
        }

        /**
         * The first message for a field or anything inside it ({@code credit} covers {@code credit.amount} and
         * {@code credit.categories[0].value}), or null: a form field that stands for a nested part shows its errors.
         */
        public String errorAt(String field) {
            for (Map.Entry<String, String> error : fieldErrors.entrySet()) {
                String key = error.getKey();
                if (key.equals(field) || key.startsWith(field + ".") || key.startsWith(field + "[")) {
                    return error.getValue();
                }
            }
            return null;
        }

        /** The message for a form field, or null. */
        public String errorFor(String field) {
            return fieldErrors.get(field);
        }
    }
}
