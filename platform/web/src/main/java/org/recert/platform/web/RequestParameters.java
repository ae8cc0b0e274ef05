package org.recert.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.recert.platform.problem.ProblemException;

/**
 * The one place request parameters (query, path, header) are turned from text into values: UUIDs, ISO dates,
 * {@code true}/{@code false}, whole numbers and decimals within a {@link Range}, and enums (the wire vocabulary of
 * platform/contracts, by constant name). A bad value answers 400 problem+json naming the parameter, where JAX-RS alone
 * would answer 404 for a path or query value. A blank value is an absent one. Values are never echoed back: they may
 * hold anything a client percent-encodes.
 */
@Provider
public class RequestParameters implements ParamConverterProvider {

    static final String UUID_MESSAGE = "must be a UUID";
    static final String DATE_MESSAGE = "must be an ISO date such as 2026-01-31";
    static final String BOOLEAN_MESSAGE = "must be true or false";
    static final String WHOLE_NUMBER_MESSAGE = "must be a whole number";
    /** Longer than any value a UUID, date, flag or enum constant can be: refused before any parsing. */
    private static final int MAX_TEXT_LENGTH = 100;

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        Range range = rangeOf(annotations);
        Function<String, ?> parse;
        if (rawType == UUID.class) {
            parse = text -> uuid(name, text);
        } else if (rawType == LocalDate.class) {
            parse = text -> date(name, text);
        } else if (rawType == Boolean.class) {
            parse = text -> flag(name, text);
        } else if (rawType == Integer.class) {
            parse = text -> wholeNumber(name, text, range);
        } else if (rawType == BigDecimal.class) {
            parse = text -> decimal(name, text, range);
        } else if (rawType.isEnum()) {
            parse = text -> constant(name, (Class) rawType, text);
        } else {
            return null;
        }
        return (ParamConverter<T>) new Converter<>(parse);
    }

    /** Turns text into a value, a blank text into none. */
    private record Converter<T>(Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return parse.apply(value.strip());
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
    }

    /** The name the client gave the parameter, from its JAX-RS annotation; null for a body or a context value. */
    static String nameOf(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof PathParam path) {
                return path.value();
            } else if (annotation instanceof HeaderParam header) {
                return header.value();
            } else if (annotation instanceof FormParam form) {
                return form.value();
            } else if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            }
        }
        return null;
    }

    private static Range rangeOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Range range) {
                return range;
            }
        }
        return null;
    }

    /** Thrown as JAX-RS expects from a converter, so that it is answered as it is (not turned into a 404). */
    static BadRequestException invalid(String name, String message) {
        return new BadRequestException(ProblemException.invalid(name, message));
    }

    static UUID uuid(String name, String text) {
        // UUID.fromString also takes short forms such as 1-2-3-4-5: only the canonical 36 characters are an id
        if (text.length() != 36) {
            throw invalid(name, UUID_MESSAGE);
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw invalid(name, UUID_MESSAGE);
        }
    }

    static LocalDate date(String name, String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw invalid(name, DATE_MESSAGE);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(name, DATE_MESSAGE);
        }
    }

    static Boolean flag(String name, String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(name, BOOLEAN_MESSAGE);
        };
    }

    static Integer wholeNumber(String name, String text, Range range) {
        int value;
        try {
            // Integer.parseInt reads non-ASCII digits too: only ASCII ones are a number on the wire
            if (text.length() > 11 || !text.matches("[+-]?[0-9]+")) {
                throw new NumberFormatException();
            }
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(name, range == null ? WHOLE_NUMBER_MESSAGE : WHOLE_NUMBER_MESSAGE + " " + between(range));
        }
        if (range != null && (value < range.min() || value > range.max())) {
            throw invalid(name, "must be " + between(range));
        }
        return value;
    }

    static BigDecimal decimal(String name, String text, Range range) {
        BigDecimal value;
        try {
            value = NumberBounds.parse(text, name);
        } catch (ProblemException e) {
            throw new BadRequestException(e);
        }
        if (range != null && (value.compareTo(BigDecimal.valueOf(range.min())) < 0 || value.compareTo(BigDecimal.valueOf(range.max())) > 0
                || value.stripTrailingZeros().scale() > range.maxScale())) {
            String places = range.maxScale() < NumberBounds.MAX_DECIMAL_PLACES ? " with at most " + range.maxScale() + " decimals" : "";
            throw invalid(name, "must be " + between(range) + places);
        }
        return value;
    }

    static <E extends Enum<E>> E constant(String name, Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static String between(Range range) {
        if (range.max() == Long.MAX_VALUE) {
            return "at least " + range.min();
        }
        if (range.min() == Long.MIN_VALUE) {
            return "at most " + range.max();
        }
        return "between " + range.min() + " and " + range.max();
    }
}
