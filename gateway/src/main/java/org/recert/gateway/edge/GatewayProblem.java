package org.recert.gateway.edge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recert.platform.problem.Problem;

/** A problem the gateway answers by itself (not through a JAX-RS mapper), with the headers that go with it. */
public record GatewayProblem(Problem problem, Map<String, String> headers) {

    /** A request path the gateway will not decide on, because a service could read it otherwise. */
    public static GatewayProblem badPath(String detail) {
        return new GatewayProblem(new Problem("/problems/bad-path", "Bad request path", 400, detail, null, "path",
                List.of(new Problem.FieldError("path", detail)), null), new LinkedHashMap<>());
    }

    public static GatewayProblem unauthorized(String detail) {
        return of(401, "/problems/unauthorized", "Unauthorized", detail, Map.of("WWW-Authenticate", "Bearer"));
    }

    public static GatewayProblem forbidden(String detail) {
        return of(403, "/problems/forbidden", "Forbidden", detail, Map.of());
    }

    public static GatewayProblem notFound() {
        return of(404, "about:blank", "Not Found", "no such resource", Map.of());
    }

    public static GatewayProblem payloadTooLarge(long limit) {
        return of(413, "/problems/payload-too-large", "Payload too large",
                "the request body exceeds " + limit + " bytes", Map.of());
    }

    public static GatewayProblem uriTooLong(int limit) {
        return of(414, "/problems/uri-too-long", "URI too long",
                "the request target exceeds " + limit + " characters; send long inputs in a body", Map.of());
    }

    public static GatewayProblem tooManyRequests(String detail, Map<String, String> headers) {
        return of(429, "/problems/too-many-requests", "Too many requests", detail, headers);
    }

    public static GatewayProblem badGateway(String service, String detail) {
        return of(502, "/problems/bad-gateway", "Bad gateway", service + " " + detail, Map.of());
    }

    public static GatewayProblem unavailable(String service, String detail, long retryAfterSeconds) {
        return of(503, "/problems/unavailable", "Service unavailable", service + " " + detail,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static GatewayProblem timeout(String service, String detail) {
        return of(504, "/problems/gateway-timeout", "Gateway timeout", service + " " + detail, Map.of());
    }

    private static GatewayProblem of(int status, String type, String title, String detail, Map<String, String> headers) {
        return new GatewayProblem(new Problem(type, title, status, detail, null, null, null, null), new LinkedHashMap<>(headers));
    }

    public int status() {
        return problem.status();
    }
}
