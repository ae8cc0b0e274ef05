package org.recert.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, answered as problem+json. Domain and service code throw these through
 * the factory methods; nothing else reaches the client.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail, String field,
            List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.errors = errors;
        this.headers = headers;
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "/problems/validation-failed", "Invalid request", field + ": " + detail, field,
                List.of(new Problem.FieldError(field, detail)), Map.of());
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
        return new ProblemException(400, "/problems/validation-failed", "Invalid request", detail,
                errors.isEmpty() ? null : errors.get(0).field(), List.copyOf(errors), Map.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "/problems/not-found", "Not found", what + " not found", null, null, Map.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail, null, null, Map.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "/problems/conflict", "Conflict", detail, null, null, Map.of());
    }

    public static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(422, "/problems/unprocessable", "Unprocessable request", detail, field,
                field == null ? null : List.of(new Problem.FieldError(field, detail)), Map.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "/problems/precondition-failed", "Precondition failed", detail, "If-Match", null, Map.of());
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "/problems/precondition-required", "Precondition required",
                "send If-Match with the ETag of the version you are changing", "If-Match", null, Map.of());
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "/problems/unavailable", "Service unavailable", detail, null, null,
                Map.of("Retry-After", "5"));
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), null, field, errors, null);
    }
}
