package org.recert.gateway.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One part of a composed answer: the service's data, or why it is missing, so that one failure never fails the whole.
 * The data is the service's JSON text itself, checked and copied into the dashboard as it came.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DashboardPart", description = "A part of the dashboard: the data, or why it is missing")
public record Part(
        @Schema(description = "false when the part could not be fetched; the rest of the dashboard is still valid") boolean available,
        @Schema(description = "why the part is missing", examples = "compliance is unavailable", nullable = true) String reason,
        @Schema(description = "the service's answer, as the service's own endpoint returns it", type = SchemaType.OBJECT,
                implementation = Object.class, nullable = true) RawValue data) {

    /** {@code json}: one JSON value, already checked to be one. */
    public static Part of(String json) {
        return new Part(true, null, new RawValue(json));
    }

    public static Part missing(String reason) {
        return new Part(false, reason, null);
    }
}
