package org.recert.catalog.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;

import org.recert.platform.problem.ProblemException;
import org.recert.platform.web.NumberBounds;

/** Path and query parameters parsed by hand, so that a bad one answers 400 naming it (JAX-RS would say 404). */
final class Params {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

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
        // bounded in size and scale before any comparison or SQL sees it
        BigDecimal amount = NumberBounds.parse(value, name);
        if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
            throw ProblemException.invalid(name, "must be between 0 and " + MAX_AMOUNT.toPlainString());
        }
        return amount;
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
