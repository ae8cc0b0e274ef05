package org.recert.catalog.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.FeeModel;

/** What a learner pays: nothing, a price per course, or the provider's subscription price. */
@Schema(description = "FREE (amount 0), PER_COURSE or SUBSCRIPTION (amount = the subscription price)")
public record Fee(
        @NotNull @Schema(examples = "PER_COURSE") FeeModel model,
        @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) @Schema(examples = "25.00") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @Schema(examples = "USD") String currency) {

    public static Fee free(String currency) {
        return new Fee(FeeModel.FREE, BigDecimal.ZERO.setScale(2), currency);
    }

    public boolean isFree() {
        return model == FeeModel.FREE;
    }
}
