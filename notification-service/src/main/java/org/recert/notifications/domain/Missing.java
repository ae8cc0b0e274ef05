package org.recert.notifications.domain;

import java.math.BigDecimal;

/** One unmet requirement of a status: what the learner still has to earn. */
public record Missing(String code, BigDecimal required, BigDecimal earned, BigDecimal shortfall) {

    public String inWords() {
        String what = "TOTAL".equals(code) ? "points in all"
                : "AAMA_APPROVED".equals(code) ? "AAMA-approved points" : code.toLowerCase(java.util.Locale.ROOT) + " points";
        return shortfall.stripTrailingZeros().toPlainString() + " more " + what + " (" + earned.stripTrailingZeros().toPlainString()
                + " of " + required.stripTrailingZeros().toPlainString() + ")";
    }
}
