package org.recert.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the one error format of every service. {@code field} names the first input
 * that failed; {@code errors} lists them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(examples = "/problems/validation-failed") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "amount.value must be greater than 0") String detail,
        String instance,
        @Schema(examples = "amount.value") String field,
        List<FieldError> errors,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public Problem withContext(String instance, String requestId) {
        return new Problem(type, title, status, detail, instance, field, errors, requestId);
    }
}
