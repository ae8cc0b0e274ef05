package org.recert.compliance.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A credit, or the part of one, that does not count, and why.
 *
 * @param points the points that do not count, when the credit could be converted; null otherwise
 */
public record ExcludedCredit(String creditId, ExclusionCode code, String reason,
        @Schema(nullable = true, description = "null when the credit could not be converted to points") BigDecimal points)
        implements CreditAssessment {

    public ExcludedCredit {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        points = points == null ? null : Points.normalize(points);
    }
}
