package org.recert.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of a {@code catalog.course.v1} event (docs/events/catalog.course.v1.schema.json): the whole course after the
 * change, as the catalog answers it. Consumers keep the highest {@code version} per course.
 */
public record CourseEvent(
        UUID id,
        String title,
        UUID providerId,
        String providerName,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        CourseFormat format,
        CourseScope scope,
        String specialty,
        Credit credit,
        CourseApproval approval,
        Fee fee,
        String refundPolicy,
        String rationale,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> learningOutcomes,
        String instructorCredentials,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> instructionalMethods,
        CourseStatus status,
        Instant publishedAt,
        LocalDate retiredOn,
        Quality quality,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant createdAt,
        Instant updatedAt) {

    public static final String PUBLISHED = "CoursePublished";
    public static final String UPDATED = "CourseUpdated";
    public static final String RETIRED = "CourseRetired";

    /** What the course awards: {@code categories} are in {@code unit} and add up to {@code amount}. */
    public record Credit(BigDecimal amount, CreditUnit unit, List<CategoryValue> categories, int contactMinutes) {
    }

    /** The approving body's approval of the course; absent (null) for a non-AAMA course. */
    public record CourseApproval(ApprovalBody body, String number, LocalDate validFrom, LocalDate validTo) {
    }

    /** The price: 0 for FREE, the subscription price for SUBSCRIPTION. */
    public record Fee(FeeModel model, BigDecimal amount, String currency) {
    }

    /** The seed's six quality questions answered, with the score and flags they give. */
    public record Quality(int score, List<Finding> findings, List<String> flags) {
    }

    /** One quality question answered. */
    public record Finding(QualityCriterion criterion, boolean met, String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer weight) {
    }

    /** Whether this event retires the course: its type says so, or its status. */
    public boolean retires(String eventType) {
        return RETIRED.equals(eventType) || status == CourseStatus.RETIRED;
    }
}
