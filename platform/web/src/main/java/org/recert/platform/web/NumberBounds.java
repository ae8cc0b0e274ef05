package org.recert.platform.web;

import java.math.BigDecimal;

import org.recert.platform.problem.ProblemException;

/**
 * The one bound on the size and scale of every number that enters a Recert service: JSON bodies (through
 * {@link BoundedJson}), query parameters and CSV cells (through {@link #parse}). {@code BigDecimal} keeps
 * {@code 1e400000000} as one digit and a scale, and the first arithmetic on it (a {@code setScale}, a
 * {@code toPlainString}) then takes minutes and gigabytes: so a number is refused before anything computes with it.
 */
public final class NumberBounds {

    /** Characters of a number's text at most, sign, point and exponent included. */
    public static final int MAX_TEXT_LENGTH = 100;
    /** Digits before the decimal point at most (the significant digits of IEEE 754 decimal128). */
    public static final int MAX_INTEGER_DIGITS = 34;
    /** Digits after the decimal point at most. */
    public static final int MAX_DECIMAL_PLACES = 34;
    public static final String MESSAGE = "must be a number of at most " + MAX_INTEGER_DIGITS + " digits before and "
            + MAX_DECIMAL_PLACES + " after the decimal point";

    private NumberBounds() {
    }

    /** Whether {@code value} is within the bounds; cheap whatever its exponent (precision and scale only). */
    public static boolean isWithin(BigDecimal value) {
        long scale = value.scale();
        long integerDigits = (long) value.precision() - scale;
        return scale <= MAX_DECIMAL_PLACES && integerDigits <= MAX_INTEGER_DIGITS;
    }

    /**
     * The decimal written in {@code text} (a query parameter, a CSV cell), null when it is blank; a 400 naming
     * {@code field} when it is not a decimal or is out of bounds.
     */
    public static BigDecimal parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw ProblemException.invalid(field, MESSAGE);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a decimal number such as 25.00");
        }
        if (!isWithin(value)) {
            throw ProblemException.invalid(field, MESSAGE);
        }
        return value;
    }
}
