package org.recert.gateway.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One part of a composed answer: the service's data, or why it is missing, so that one failure never fails the whole. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DashboardPart", description = "A part of the dashboard: the data, or why it is missing")
public record Part(
        @Schema(description = "false when the part could not be fetched; the rest of the dashboard is still valid") boolean available,
        @Schema(description = "why the part is missing", examples = "compliance is unavailable", nullable = true) String reason,
        @Schema(description = "the service's answer, as the service's own endpoint returns it", type = SchemaType.OBJECT,
                implementation = Object.class, nullable = true) JsonNode data) {

    public static Part of(JsonNode data) {
        return new Part(true, null, data);
    }

    public static Part missing(String reason) {
        return new Part(false, reason, null);
    }
}
