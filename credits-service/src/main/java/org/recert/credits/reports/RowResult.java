package org.recert.credits.reports;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one row: a new credit, the credit it already was, or the reason it was refused. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CompletionReportRowResult")
public record RowResult(
        @Schema(description = "Position of the row in the batch, from 0", examples = "0") int index,
        String rowId,
        @Schema(examples = "ACCEPTED") Status status,
        UUID creditId,
        @Schema(description = "The field at fault, for a rejected row", examples = "courseId") String field,
        @Schema(description = "Why the row was rejected", examples = "course 5b0c... is not one of your courses") String reason) {

    /** ACCEPTED: a new credit; ALREADY_RECORDED: sent before, nothing new; REJECTED: nothing written for it. */
    public enum Status {
        ACCEPTED,
        ALREADY_RECORDED,
        REJECTED
    }

    static RowResult rejected(int index, String rowId, String field, String reason) {
        return new RowResult(index, rowId, Status.REJECTED, null, field, reason);
    }
}
