package org.recert.catalog.domain;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.CreditUnit;

/** What a course awards: an amount in a unit, split over the categories (the split adds up to the amount). */
@Schema(name = "CourseCredit", description = "The credit a course awards")
public record Credit(
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 4, fraction = 2)
        @Schema(examples = "2") BigDecimal amount,
        @NotNull @Schema(examples = "AAMA_CEU") CreditUnit unit,
        @NotEmpty @Size(max = 3) List<@NotNull @Valid CategoryValue> categories,
        @NotNull @Min(1) @Max(100_000) @Schema(description = "Instruction time in minutes", examples = "100") Integer contactMinutes) {
}
