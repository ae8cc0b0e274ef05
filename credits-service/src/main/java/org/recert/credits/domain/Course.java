package org.recert.credits.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A catalog course as this service knows it from catalog.course.v1: what a credit for it is worth. */
public record Course(
        UUID id,
        UUID providerId,
        String providerName,
        String title,
        String format,
        Amount amount,
        List<CategoryValue> categories,
        Integer contactMinutes,
        String approvalBody,
        String approvalNumber,
        LocalDate approvalValidFrom,
        LocalDate approvalValidTo,
        String status,
        LocalDate retiredOn,
        long version) {

    public boolean isRetired() {
        return "RETIRED".equals(status);
    }
}
