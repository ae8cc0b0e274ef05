package org.recert.compliance.events;

import java.math.BigDecimal;

/** The projections' columns keep four decimals (fees two): a finer number would be rounded, which must not happen silently. */
final class StoredDecimals {

    private StoredDecimals() {
    }

    /** {@code value} without trailing zeros; an event with more than {@code scale} decimals is refused (it goes to the DLQ). */
    static BigDecimal atMost(BigDecimal value, int scale, String field) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw new IllegalArgumentException("event data " + field + " has more than " + scale + " decimals");
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
