package org.recert.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.recert.platform.runtime.Failures;
import org.recert.platform.web.NumberBounds;
import org.recert.platform.web.RequestIds;
import org.recert.platform.web.StorableText;

/**
 * Turns every failure into one RFC 9457 problem+json answer. Client mistakes name the field; server
 * failures say nothing about the code that failed (the log has it, under the same request id).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Longer than any real field path: a path past it (a deeply nested body) is not worth echoing. */
    private static final int MAX_FIELD_LENGTH = 200;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), e.headers(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
        return respond(ProblemException.invalid(errors).toProblem(), Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jackson(JacksonException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(new Problem("/problems/unauthorized", "Unauthorized", 401,
                "a valid bearer token is required", null, null, null, null), Map.of("WWW-Authenticate", "Bearer"), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(new UnauthorizedException(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemException.forbidden("your role does not allow this").toProblem(), Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JacksonException json) {
            // the JSON reader wraps its parse errors: answer them like every other input error
            return json(json, uri);
        }
        if (e.getCause() instanceof ProblemException problem) {
            // a request parameter refused by RequestParameters: the problem names it
            return problem(problem, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        String detail = status.getStatusCode() == 404 ? "no such resource" : status.getReasonPhrase();
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null, null, null);
        Map<String, String> headers = new java.util.HashMap<>();
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                headers.put(name, String.valueOf(values.get(0)));
            }
        });
        return respond(problem, headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Failures.isDatabaseUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.toString());
            return respond(ProblemException.unavailable("storage is unavailable; retry shortly").toProblem(), Map.of("Retry-After", "5"), uri);
        }
        if (Failures.isUnstorableText(e)) {
            // a query or path value the body check could not see (a NUL in ?q=, say)
            return respond(new Problem("/problems/validation-failed", "Invalid request", 400,
                    "a text value " + StorableText.NUL_MESSAGE, null, null, null, null), Map.of(), uri);
        }
        if (Failures.isConcurrencyConflict(e)) {
            return respond(ProblemException.conflict("a concurrent change got there first; retry").toProblem(), Map.of(), uri);
        }
        if (Failures.isClientGone(e)) {
            // not a fault of this service: the client retries, here or on another replica
            LOG.debugf("the connection closed before the request was read: %s", e.toString());
            return respond(new Problem("about:blank", "Bad Request", 400, "the request was cut off", null, null, null, null), Map.of(), uri);
        }
        LOG.error("unexpected failure", e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "an unexpected error occurred; quote the request id when reporting it", null, null, null, null), Map.of(), uri);
    }

    private Response json(JacksonException e, UriInfo uri) {
        String field = null;
        String detail;
        Throwable cause = e.getCause();
        StreamReadException read = e instanceof StreamReadException r ? r : cause instanceof StreamReadException r ? r : null;
        boolean duplicate = read != null && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate");
        if (read != null && read.getProcessor() != null && (duplicate || read instanceof InputCoercionException)) {
            // a key given twice, a number out of its type's range: where the parser stood, the key included
            field = pathOf(read.getProcessor().getParsingContext());
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = pathOf(mapping.getPath());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown property";
        } else if (e instanceof RefusedJsonValue refused) {
            detail = refused.getOriginalMessage();
        } else if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                detail = "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            } else {
                detail = "has the wrong format or type";
            }
        } else if (e instanceof ValueInstantiationException instantiation && cause != null) {
            detail = cause.getMessage();
        } else if (e instanceof StreamConstraintsException || cause instanceof StreamConstraintsException) {
            String limit = (e instanceof StreamConstraintsException ? e : cause).getMessage();
            detail = exceededLimit(limit);
            if (limit != null && limit.contains("nesting depth")) {
                field = null;
            }
        } else if (e instanceof InputCoercionException || cause instanceof InputCoercionException) {
            detail = "is out of range for its type";
        } else if (e instanceof MismatchedInputException) {
            detail = "has the wrong type or is missing";
        } else if (duplicate) {
            detail = "is given twice in one object";
        } else {
            detail = "malformed JSON";
        }
        if (field != null && field.length() > MAX_FIELD_LENGTH) {
            field = null;
        }
        Problem problem = field == null
                ? new Problem("/problems/malformed-body", "Malformed request body", 400, "the body is not valid JSON for this request: " + detail,
                        null, "body", List.of(new Problem.FieldError("body", detail)), null)
                : ProblemException.invalid(field, detail).toProblem();
        return respond(problem, Map.of(), uri);
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The field a parser stood on, {@code amount.value} or {@code rows[2].learnerId}; null at the top. */
    private static String pathOf(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            chain.add(0, at);
        }
        StringBuilder field = new StringBuilder();
        for (JsonStreamContext at : chain) {
            if (at.inObject() && at.getCurrentName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(at.getCurrentName());
            } else if (at.inArray()) {
                field.append('[').append(Math.max(0, at.getCurrentIndex())).append(']');
            }
        }
        return field.length() == 0 ? null : field.toString();
    }

    /** The input limit a body broke, in words (the reader's own message names its classes). */
    private static String exceededLimit(String message) {
        String text = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("nesting depth")) {
            return "nests objects and arrays deeper than the limit";
        }
        if (text.contains("number")) {
            return NumberBounds.MESSAGE;
        }
        if (text.contains("string") || text.contains("name")) {
            return "is a text longer than the limit";
        }
        return "exceeds the input limits";
    }

    /** {@code record.body.amount.value} becomes {@code amount.value}; a query parameter keeps its own name. */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    static Response respond(Problem problem, Map<String, String> headers, UriInfo uri) {
        Problem withContext = problem.withContext(uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""),
                (String) MDC.get(RequestIds.MDC_KEY));
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withContext);
        headers.forEach(response::header);
        return response.build();
    }
}
