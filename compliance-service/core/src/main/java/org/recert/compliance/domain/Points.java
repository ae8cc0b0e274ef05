package org.recert.compliance.domain;

import java.math.BigDecimal;

/** Point arithmetic shared by the engine: values are normalised so that 60, 60.0 and 60.00 are one value. */
final class Points {

    private Points() {
    }

    static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static boolean isNegative(BigDecimal value) {
        return value.signum() < 0;
    }

    static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String show(BigDecimal value) {
        return normalize(value).toPlainString();
    }
}
