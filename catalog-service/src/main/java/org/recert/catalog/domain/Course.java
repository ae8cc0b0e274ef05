package org.recert.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.CourseStatus;
import org.recert.contracts.CourseScope;

/** A course as the API answers it and as {@code catalog.course.v1} carries it (docs/contracts.md). */
@Schema(name = "Course", description = "A course of the catalog, as the API answers it and catalog.course.v1 carries it")
public record Course(
        @Schema(examples = "5f0c7c1e-2d4e-4a8b-9a51-0f7d2c3b9e11") UUID id,
        @Schema(examples = "Phlebotomy: order of draw and specimen handling") String title,
        @Schema(examples = "11111111-1111-4111-8111-111111111111") UUID providerId,
        @Schema(examples = "AAMA e-Learning Center") String providerName,
        String description,
        @Schema(examples = "ONLINE_WORKSHOP") CourseFormat format,
        @Schema(examples = "SPECIALTY") CourseScope scope,
        @Schema(examples = "phlebotomy", nullable = true) String specialty,
        Credit credit,
        @Schema(nullable = true) Approval approval,
        Fee fee,
        String refundPolicy,
        String rationale,
        List<String> learningOutcomes,
        String instructorCredentials,
        List<String> instructionalMethods,
        @Schema(examples = "PUBLISHED") CourseStatus status,
        @Schema(nullable = true) Instant publishedAt,
        @Schema(nullable = true, examples = "2027-01-31") LocalDate retiredOn,
        QualityReview quality,
        @Schema(description = "Grows by one with every change; the ETag", examples = "3") long version,
        Instant createdAt,
        Instant updatedAt) {
}
