package org.recert.systemtests.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks real exchanges with the gateway against the merged OpenAPI document it publishes, with an independent JSON
 * Schema 2020-12 validator (OpenAPI 3.1 schemas are JSON Schema): the path and method are documented, the answer's
 * status and media type are documented for the operation, a JSON body matches its schema, and a request the suite
 * accepted matches its request body's schema.
 *
 * <p>Object schemas are read closed: a property the document does not name is a violation (a renamed or
 * undocumented field shows up), while a documented property may be absent unless the schema requires it.
 */
public final class OpenApiConformance {

    /** One request and its answer, as they crossed the wire. */
    public record Exchange(String method, String pathAndQuery, String requestContentType, String requestBody, int status,
            String responseContentType, String responseBody) {

        String describe() {
            return method + " " + pathAndQuery + " -> " + status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_URI = "urn:recert:merged-openapi";
    private static final Set<String> JSON_MEDIA_TYPES = Set.of("application/json", "application/problem+json");
    private static final Map<String, OpenApiConformance> BY_GATEWAY = new ConcurrentHashMap<>();

    private final ObjectNode document;
    private final List<PathTemplate> paths;
    private final JsonSchemaFactory schemas;
    private final SchemaValidatorsConfig validation = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong checked = new AtomicLong();

    private record PathTemplate(String template, Pattern pattern, int literalLength) {
    }

    /** Checks against {@code document} (an OpenAPI 3.1 document as JSON). */
    public OpenApiConformance(String document) {
        try {
            this.document = (ObjectNode) JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON: " + e.getOriginalMessage(), e);
        }
        close(this.document);
        this.paths = templates(this.document);
        String closed = this.document.toString();
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, closed))));
    }

    /** The checker of the document that the gateway at {@code gatewayUrl} serves, fetched once per test JVM. */
    public static OpenApiConformance of(String gatewayUrl) {
        return BY_GATEWAY.computeIfAbsent(gatewayUrl, OpenApiConformance::fetch);
    }

    /** Every violation any exchange of this JVM showed, each with its exchange. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many exchanges were checked. */
    public long checked() {
        return checked.get();
    }

    /** Checks {@code exchange}, remembers what is wrong with it, and fails at once when anything is. */
    public void verify(Exchange exchange) {
        List<String> found = check(exchange);
        if (!found.isEmpty()) {
            violations.addAll(found);
            throw new AssertionError("the answer does not conform to the merged OpenAPI document:\n  " + String.join("\n  ", found));
        }
    }

    /** What is wrong with {@code exchange} against the document; empty when nothing is. */
    public List<String> check(Exchange exchange) {
        checked.incrementAndGet();
        List<String> found = new ArrayList<>();
        String path = decodedPath(exchange.pathAndQuery());
        Optional<PathTemplate> template = paths.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        boolean accepted = exchange.status() < 400;
        if (template.isEmpty()) {
            if (accepted && path.startsWith("/api/")) {
                found.add(exchange.describe() + ": the path is not in the document");
            }
            return found;
        }
        String pointer = "/paths/" + escape(template.get().template()) + "/" + exchange.method().toLowerCase(Locale.ROOT);
        JsonNode operation = document.at(pointer);
        if (operation.isMissingNode()) {
            if (accepted) {
                found.add(exchange.describe() + ": " + exchange.method() + " is not documented for " + template.get().template());
            }
            return found;
        }
        if (accepted && exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            checkBody(exchange, "request", pointer + "/requestBody", exchange.requestContentType(), exchange.requestBody(), found);
        }
        String status = Integer.toString(exchange.status());
        JsonNode responses = operation.path("responses");
        String documented = responses.has(status) ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (documented == null) {
            found.add(exchange.describe() + ": status " + status + " is not documented (documented: "
                    + names(responses) + ")");
            return found;
        }
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty() && !"HEAD".equals(exchange.method())) {
            checkBody(exchange, "response", pointer + "/responses/" + documented, exchange.responseContentType(),
                    exchange.responseBody(), found);
        }
        return found;
    }

    private void checkBody(Exchange exchange, String side, String at, String contentType, String body, List<String> found) {
        String pointer = resolved(at);
        JsonNode holder = document.at(pointer);
        JsonNode content = holder.path("content");
        String mediaType = mediaType(contentType);
        if (!content.isObject() || content.isEmpty()) {
            found.add(exchange.describe() + ": the " + side + " has a " + mediaType + " body, and the document describes none");
            return;
        }
        String documented = content.has(mediaType) ? mediaType
                : content.has(mediaType.substring(0, mediaType.indexOf('/') + 1) + "*") ? mediaType.substring(0, mediaType.indexOf('/') + 1) + "*"
                : content.has("*/*") ? "*/*" : null;
        if (documented == null) {
            found.add(exchange.describe() + ": the " + side + " is " + mediaType + ", the document offers " + names(content));
            return;
        }
        JsonNode schema = content.path(documented).path("schema");
        if (!JSON_MEDIA_TYPES.contains(mediaType) || schema.isMissingNode()) {
            return;
        }
        String schemaPointer = pointer + "/content/" + escape(documented) + "/schema";
        Set<ValidationMessage> messages = compiled.computeIfAbsent(schemaPointer,
                p -> schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + encodeFragment(p)), validation))
                .validate(body, InputFormat.JSON);
        for (ValidationMessage message : messages) {
            found.add(exchange.describe() + ": the " + side + " body at " + message.getInstanceLocation() + ": "
                    + message.getMessage() + " (schema " + message.getSchemaLocation() + ")");
        }
    }

    /** The pointer {@code pointer} leads to once its {@code $ref}s (to responses, request bodies) are followed. */
    private String resolved(String pointer) {
        String current = pointer;
        for (int hops = 0; document.at(current).has("$ref") && hops < 5; hops++) {
            current = document.at(current).get("$ref").asText().substring(1);
        }
        return current;
    }

    private static OpenApiConformance fetch(String gatewayUrl) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/openapi.json")).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /openapi.json answered " + response.statusCode() + ": " + response.body());
            }
            return new OpenApiConformance(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot fetch the merged OpenAPI document: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted fetching the merged OpenAPI document", e);
        }
    }

    /**
     * Makes every object schema that lists its properties closed ({@code unevaluatedProperties: false}, which also
     * sees through allOf and anyOf), unless it says itself what else it allows.
     */
    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.path("properties").isObject() && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext();) {
                close(children.next());
            }
        } else if (node.isArray()) {
            node.forEach(OpenApiConformance::close);
        }
    }

    /** The document's paths, most specific first (more literal characters before fewer). */
    private static List<PathTemplate> templates(JsonNode document) {
        List<PathTemplate> templates = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(template -> {
            StringBuilder regex = new StringBuilder();
            int literal = 0;
            for (String part : template.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(part));
                    literal += part.length();
                }
            }
            templates.add(new PathTemplate(template, Pattern.compile(regex.toString()), literal));
        });
        templates.sort(Comparator.comparingInt(PathTemplate::literalLength).reversed());
        return templates;
    }

    /** The path as the gateway routes it: percent-decoded, dot segments removed. */
    private static String decodedPath(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String raw = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /** A JSON Pointer token: '~' and '/' escaped. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON Pointer as a URI fragment: characters a fragment may not hold, percent-encoded. */
    private static String encodeFragment(String pointer) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
