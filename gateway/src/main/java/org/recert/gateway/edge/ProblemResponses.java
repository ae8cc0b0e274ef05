package org.recert.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.recert.platform.problem.Problem;
import org.recert.platform.web.RequestIds;

/** Writes the gateway's own problems as RFC 9457 problem+json, the same shape the services answer. */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** The body of {@code problem} for {@code request}, with its path and request id. */
    public Buffer body(GatewayProblem problem, HttpServerRequest request) {
        Problem p = problem.problem().withContext(request.path(), request.getHeader(RequestIds.HEADER));
        try {
            return Buffer.buffer(json.writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem must always serialize", e);
        }
    }

    public void send(HttpServerRequest request, GatewayProblem problem) {
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        Buffer body = body(problem, request);
        response.setStatusCode(problem.status());
        problem.headers().forEach(response::putHeader);
        response.putHeader("Content-Type", Problem.MEDIA_TYPE);
        response.putHeader("Cache-Control", "no-store");
        response.end(body);
    }
}
