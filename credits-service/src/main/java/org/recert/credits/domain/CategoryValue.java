package org.recert.credits.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.Category;

/** The part of a credit's amount that falls in one category, in the credit's unit. */
@Schema(examples = "{\"category\":\"CLINICAL\",\"value\":2}")
public record CategoryValue(
        @NotNull @Schema(examples = "CLINICAL") Category category,
        @NotNull @DecimalMax("999") @Digits(integer = 3, fraction = 2) @Schema(examples = "2") BigDecimal value) {

    public CategoryValue {
        value = Decimals.normalize(value);
    }
}
