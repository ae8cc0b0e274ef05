package org.recert.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value that is well-formed but refused where it is read (a number out of bounds, text PostgreSQL cannot
 * store): {@link ProblemMappers} answers 400 naming the field, with this message as the detail.
 */
public class RefusedJsonValue extends InvalidFormatException {

    public RefusedJsonValue(JsonParser parser, String detail, Object value, Class<?> targetType) {
        super(parser, detail, value, targetType);
    }
}
