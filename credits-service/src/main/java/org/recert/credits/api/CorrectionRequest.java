package org.recert.credits.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.ActivityType;
import org.recert.credits.domain.Amount;
import org.recert.contracts.Approval;
import org.recert.credits.domain.CategoryValue;
import org.recert.credits.domain.Evidence;
import org.recert.credits.service.Correction;

/** A correction: the reason, and the fields that change (the others keep their values). */
@Schema(name = "CreditCorrection", examples = ApiExamples.CORRECTION)
public record CorrectionRequest(
        @NotBlank @Size(max = 500) @Schema(examples = "The certificate shows 3 CEUs, not 2") String reason,
        ActivityType activityType,
        @Size(max = 300) String title,
        @Size(max = 200) String providerName,
        LocalDate completedOn,
        @Valid Amount amount,
        @Size(max = 3) List<@Valid CategoryValue> categories,
        Approval approval,
        @PositiveOrZero @Max(100_000) Integer contactMinutes,
        @Valid Evidence evidence) {

    /** The correction as the ledger takes it. */
    public Correction toCorrection() {
        return new Correction(reason, activityType, title, providerName, completedOn, amount, categories, approval, contactMinutes, evidence);
    }
}
