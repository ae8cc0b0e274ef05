package org.recert.credits.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.CreditUnit;

/** An amount of credit in the unit its issuer used. */
@Schema(description = "Credit as issued", examples = "{\"value\":2,\"unit\":\"AAMA_CEU\"}")
public record Amount(
        @NotNull @DecimalMax("999") @Digits(integer = 3, fraction = 2) @Schema(examples = "2") BigDecimal value,
        @NotNull @Schema(examples = "AAMA_CEU") CreditUnit unit) {

    public Amount {
        value = Decimals.normalize(value);
    }
}
