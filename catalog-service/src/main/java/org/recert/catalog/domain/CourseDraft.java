package org.recert.catalog.domain;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.CourseFormat;
import org.recert.contracts.CourseScope;

/** A course as a curator or provider writes it (POST creates a draft, PUT replaces the course). */
@Schema(name = "CourseInput", description = "A course as written by a curator or its provider")
public record CourseDraft(
        @NotBlank @Size(max = 200) @Schema(examples = "Phlebotomy: order of draw and specimen handling") String title,
        @NotNull @Schema(examples = "11111111-1111-4111-8111-111111111111") UUID providerId,
        @NotBlank @Size(max = 5000) @Schema(examples = "Step-by-step review of venipuncture, the order of draw and pre-analytical errors.") String description,
        @NotNull @Schema(examples = "ONLINE_WORKSHOP") CourseFormat format,
        @NotNull @Schema(examples = "SPECIALTY") CourseScope scope,
        @Size(max = 100) @Schema(examples = "phlebotomy") String specialty,
        @NotNull @Valid Credit credit,
        @Valid @Schema(nullable = true) Approval approval,
        @NotNull @Valid Fee fee,
        @Size(max = 2000) @Schema(examples = "Full refund up to 7 days after purchase if the course was not started.") String refundPolicy,
        @Size(max = 2000) @Schema(examples = "Pre-analytical errors cause most rejected specimens; this course closes that gap.") String rationale,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> learningOutcomes,
        @Size(max = 1000) @Schema(examples = "Jane Doe, CMA (AAMA), MLS(ASCP), 12 years in outpatient phlebotomy") String instructorCredentials,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> instructionalMethods) {

    public List<String> learningOutcomesOrEmpty() {
        return learningOutcomes == null ? List.of() : learningOutcomes;
    }

    public List<String> instructionalMethodsOrEmpty() {
        return instructionalMethods == null ? List.of() : instructionalMethods;
    }
}
