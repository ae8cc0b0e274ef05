package org.recert.catalog.domain;

import java.math.BigDecimal;
import java.util.UUID;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.Category;
import org.recert.contracts.CourseStatus;
import org.recert.contracts.CourseScope;

/** A course search: every filter is optional; {@code status} defaults to PUBLISHED. */
public record CourseQuery(
        Category category,
        ApprovalFilter approval,
        Boolean free,
        CourseFormat format,
        CourseScope scope,
        BigDecimal maxFee,
        Integer minQuality,
        UUID providerId,
        String q,
        CourseStatus status,
        CourseSort sort,
        String cursor,
        int limit) {

    public boolean hasText() {
        return q != null && !q.isBlank();
    }

    public CourseQuery withProvider(UUID provider) {
        return new CourseQuery(category, approval, free, format, scope, maxFee, minQuality, provider, q, status, sort, cursor, limit);
    }
}
