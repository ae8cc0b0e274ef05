package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One requirement of a cycle, how much of it is earned and what is still missing. */
public record Requirement(RequirementCode code, BigDecimal required, BigDecimal earned, BigDecimal shortfall) {

    public Requirement {
        Objects.requireNonNull(code, "code");
        required = Points.normalize(required);
        earned = Points.normalize(earned);
        shortfall = Points.normalize(shortfall);
    }

    static Requirement of(RequirementCode code, BigDecimal required, BigDecimal earned) {
        return new Requirement(code, required, earned, Points.max(BigDecimal.ZERO, required.subtract(earned)));
    }

    public boolean met() {
        return shortfall.signum() == 0;
    }
}
