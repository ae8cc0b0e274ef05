package org.recert.compliance.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.recert.compliance.domain.Category;
import org.recert.compliance.domain.CategoryShare;

/** Reads the fields of an incoming event's data; anything missing or malformed fails the event (it then goes to the DLQ). */
final class EventFields {

    private EventFields() {
    }

    static String text(JsonNode data, String field) {
        JsonNode node = data.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException("event data has no " + field);
        }
        return node.asText();
    }

    static String optionalText(JsonNode data, String field) {
        JsonNode node = data.path(field);
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    static int positiveInt(JsonNode data, String field) {
        JsonNode node = data.path(field);
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            throw new IllegalArgumentException("event data " + field + " must be a positive integer");
        }
        return node.asInt();
    }

    static Integer optionalInt(JsonNode data, String field) {
        JsonNode node = data.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("event data " + field + " must be an integer");
        }
        return node.asInt();
    }

    static LocalDate date(JsonNode data, String field) {
        try {
            return LocalDate.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("event data " + field + " is not an ISO date", e);
        }
    }

    static LocalDate optionalDate(JsonNode data, String field) {
        String value = optionalText(data, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("event data " + field + " is not an ISO date", e);
        }
    }

    /** A decimal with at most {@code scale} decimals: more would be rounded by the column, which must not happen silently. */
    static BigDecimal decimal(JsonNode data, String field, int scale) {
        JsonNode node = data.path(field);
        if (!node.isNumber()) {
            throw new IllegalArgumentException("event data " + field + " must be a number");
        }
        BigDecimal value = new BigDecimal(node.asText()).stripTrailingZeros();
        if (value.scale() > scale) {
            throw new IllegalArgumentException("event data " + field + " has more than " + scale + " decimals");
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode data, String field) {
        String value = text(data, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("event data " + field + " has unknown value " + value, e);
        }
    }

    static List<CategoryShare> categories(JsonNode data, String field) {
        JsonNode array = data.path(field);
        if (!array.isArray()) {
            throw new IllegalArgumentException("event data " + field + " must be a list");
        }
        List<CategoryShare> shares = new ArrayList<>();
        for (JsonNode share : array) {
            shares.add(new CategoryShare(enumValue(Category.class, share, "category"), decimal(share, "value", 4)));
        }
        return shares;
    }
}
