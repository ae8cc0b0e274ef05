package org.recert.credits.reports;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One completion a provider reports: this learner completed this course on this date. */
@Schema(name = "CompletionReportRow")
public record ReportRow(
        @Schema(description = "The provider's own id of the row, optional; a second row with it is a duplicate", examples = "2025-05-batch-1")
        String rowId,
        @Schema(examples = "5b0c4a2e-8f0a-4e59-9d86-2d1f0b6c1a11") UUID courseId,
        @Schema(examples = "maria") String learnerId,
        @Schema(examples = "2025-05-01") LocalDate completedOn,
        @Schema(description = "The certificate the provider issued, optional", examples = "C-2025-0042") String certificateNumber) {
}
