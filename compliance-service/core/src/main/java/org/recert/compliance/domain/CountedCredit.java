package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.util.Objects;
import org.recert.contracts.Category;
import org.recert.contracts.Verification;

/** Points of one credit that count in one category. A credit split across categories has one entry per category. */
public record CountedCredit(String creditId, BigDecimal points, Category category, boolean approved, Verification verification) {

    public CountedCredit(String creditId, BigDecimal points, Category category, boolean approved) {
        this(creditId, points, category, approved, null);
    }

    public CountedCredit {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(category, "category");
        points = Points.normalize(points);
    }
}
