package org.recert.catalog.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.Category;

/** The part of a course's credit that falls in one category, in the course's unit. */
@Schema(name = "CourseCategoryValue", description = "Credit awarded in one category, in the course's unit")
public record CategoryValue(
        @NotNull @Schema(examples = "CLINICAL") Category category,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 4, fraction = 2)
        @Schema(examples = "2") BigDecimal value) {
}
