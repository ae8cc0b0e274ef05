package org.recert.credits.reports;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a completion report: counts, and every row's outcome in the order sent. */
@Schema(name = "CompletionReportResult")
public record ReportResult(
        UUID reportId,
        @Schema(examples = "3") int received,
        @Schema(examples = "1") int accepted,
        @Schema(examples = "1") int alreadyRecorded,
        @Schema(examples = "1") int rejected,
        List<RowResult> rows) {
}
