package org.recert.catalog.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;

import org.recert.platform.problem.ProblemException;

/** Path and query parameters parsed by hand, so that a bad one answers 400 naming it (JAX-RS would say 404). */
final class Params {

    private Params() {
    }

    static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    static UUID optionalUuid(String value, String name) {
        return value == null || value.isBlank() ? null : uuid(value, name);
    }

    static <E extends Enum<E>> E optionalEnum(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static BigDecimal optionalAmount(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            if (amount.signum() < 0 || amount.compareTo(new BigDecimal("1000000")) > 0) {
                throw ProblemException.invalid(name, "must be between 0 and 1000000");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a decimal amount such as 25.00");
        }
    }

    static Boolean optionalBoolean(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }
}
