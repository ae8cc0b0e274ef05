package org.recert.credits.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recert.contracts.ActivityType;
import org.recert.credits.domain.Amount;
import org.recert.contracts.Approval;
import org.recert.credits.domain.CategoryValue;
import org.recert.credits.domain.Evidence;
import org.recert.credits.service.NewCredit;

/**
 * A credit a learner (or an admin) records. With {@code courseId}, the course's credit, split, approval and
 * provider come from the catalog, and the fields here may be left out (if sent, they must agree).
 */
@Schema(name = "RecordCredit", examples = ApiExamples.RECORD_CREDIT)
public record RecordCreditRequest(
        @Schema(examples = "ONLINE_WORKSHOP") ActivityType activityType,
        @Size(max = 300) @Schema(examples = "Infection control update 2025") String title,
        @Size(max = 200) @Schema(examples = "AAMA e-Learning Center") String providerName,
        @Schema(nullable = true, description = "A catalog course; its credit terms then apply") UUID courseId,
        @Schema(examples = "2025-05-01") LocalDate completedOn,
        @Valid Amount amount,
        @Size(max = 3) List<@Valid CategoryValue> categories,
        @Schema(examples = "AAMA") Approval approval,
        @PositiveOrZero @Max(100_000) @Schema(examples = "120", description = "Minutes of instruction; a contact hour is 50")
        Integer contactMinutes,
        @Valid @Schema(nullable = true) Evidence evidence) {

    /** The credit as the ledger takes it. */
    public NewCredit toNewCredit() {
        return new NewCredit(activityType, title, providerName, courseId, completedOn, amount, categories, approval, contactMinutes, evidence);
    }
}
