package org.recert.catalog.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.ApprovalBody;

/** An approval of the course by a certifying body, valid between two dates. */
@Schema(name = "CourseApproval", description = "AAMA approval of the course; null for a non-AAMA course")
public record Approval(
        @NotNull @Schema(examples = "AAMA") ApprovalBody body,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,39}", message = "must be 1 to 40 letters, digits or dashes")
        @Schema(examples = "AAMA-12345") String number,
        @NotNull @Schema(examples = "2025-01-01") LocalDate validFrom,
        @NotNull @Schema(examples = "2027-12-31") LocalDate validTo) {
}
