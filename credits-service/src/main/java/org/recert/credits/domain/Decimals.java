package org.recert.credits.domain;

import java.math.BigDecimal;

/** Amounts compare and print by value: 2, 2.0 and 2.00 are the same credit. */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal normalize(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static boolean isPositive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }
}
