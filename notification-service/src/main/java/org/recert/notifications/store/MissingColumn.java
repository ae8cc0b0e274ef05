package org.recert.notifications.store;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.recert.notifications.domain.Missing;

/** The unmet requirements as a JSON column ({@code missing_codes}): codes and numbers, worded only when shown. */
public final class MissingColumn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Missing>> LIST = new TypeReference<>() {
    };

    private MissingColumn() {
    }

    public static String write(List<Missing> missing) {
        try {
            return JSON.writeValueAsString(missing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unmet requirements cannot be written as JSON", e);
        }
    }

    /** The requirements of a column; a row written before the column existed (null) has none to word. */
    public static List<Missing> read(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            return JSON.readValue(column, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("missing_codes holds no requirements: " + column, e);
        }
    }
}
