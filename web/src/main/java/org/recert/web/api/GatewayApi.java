package org.recert.web.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.recert.web.WebConfig;

/**
 * The gateway's public API, called with the signed-in user's access token: the web app's only way into the suite.
 * Every call answers an {@link Answer}, never throws for what the API or the network did.
 */
@ApplicationScoped
public class GatewayApi {

    private static final Logger LOG = Logger.getLogger(GatewayApi.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    private final HttpClient http;
    private final URI gateway;
    private final Duration timeout;
    private final ObjectMapper json;

    public GatewayApi(WebConfig config, ObjectMapper json) {
        this.gateway = config.gatewayUrl();
        this.timeout = config.apiTimeout();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** {@code GET /api/v1<path>}, JSON. */
    public Answer get(String token, String path) {
        return send(token, "GET", path, null, Map.of());
    }

    /** A JSON body ({@code null}: none) with extra headers (e.g. {@code Idempotency-Key}). */
    public Answer send(String token, String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(token, path).header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        }
        return exchange(request.build());
    }

    /** A body as it is (a completion report's CSV or JSON, say). */
    public Answer upload(String token, String path, String contentType, byte[] body) {
        return exchange(request(token, path).header("Accept", "application/json").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A download (CSV): the body as text when 2xx, else the answer that explains why not. */
    public Download download(String token, String path, String accept) {
        HttpRequest request = request(token, path).header("Accept", accept).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 == 2) {
                return new Download(response.body(), response.headers().firstValue("Content-Type").orElse(accept), null);
            }
            return new Download(null, null, answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse("")));
        } catch (IOException e) {
            return new Download(null, null, unreachable(request, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Download(null, null, new Answer(0, null, null, "interrupted"));
        }
    }

    /** A file the API produced, or the answer that says why there is none. */
    public record Download(byte[] body, String contentType, Answer failure) {

        /** The file as a download named {@code filename}, or a 503 saying why {@code what} is not available. */
        public Response asAttachment(String filename, String what) {
            if (failure != null) {
                return Response.status(503).type(MediaType.TEXT_PLAIN)
                        .entity(what + " is not available: " + failure.message()).build();
            }
            return Response.ok(body, contentType)
                    .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
        }
    }

    /** A query string from the non-blank values, in order: {@code ?a=1&b=2}, or empty. */
    public static String query(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.add(name + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** One path segment, encoded. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(gateway.resolve("/api/v1" + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token);
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            return unreachable(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null, "interrupted");
        }
    }

    private Answer unreachable(HttpRequest request, IOException e) {
        LOG.warnf("%s %s: %s", request.method(), request.uri().getPath(), e.toString());
        String why = e instanceof HttpConnectTimeoutException || !(e instanceof HttpTimeoutException)
                ? "Recert cannot be reached just now" : "Recert did not answer in time";
        return new Answer(0, null, null, why + "; try again in a moment.");
    }

    private Answer answer(int status, byte[] body, String contentType) {
        JsonNode tree = parse(body);
        if (status / 100 == 2) {
            return new Answer(status, tree == null ? null : json.convertValue(tree, Object.class), null, null);
        }
        if (status >= 500 || status == 429) {
            // the gateway's 503/504 and 429 are problems too, but the page treats them as this part being unavailable
            String detail = tree == null ? null : tree.path("detail").asText(null);
            return new Answer(status, null, null, detail == null ? "This part of Recert is unavailable just now." : detail);
        }
        if (tree != null && (contentType.startsWith(PROBLEM_JSON) || tree.has("title"))) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (JsonNode error : tree.path("errors")) {
                errors.putIfAbsent(error.path("field").asText(""), error.path("message").asText(""));
            }
            if (errors.isEmpty() && tree.hasNonNull("field")) {
                errors.put(tree.path("field").asText(), tree.path("detail").asText(""));
            }
            return new Answer(status, null, new Answer.Problem(tree.path("title").asText("Refused"),
                    tree.path("detail").asText(null), errors), null);
        }
        return new Answer(status, null, new Answer.Problem("Refused (" + status + ")", null, Map.of()), null);
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }
}
