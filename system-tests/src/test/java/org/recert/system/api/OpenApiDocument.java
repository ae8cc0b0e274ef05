package org.recert.system.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The gateway's merged OpenAPI document, read as JSON, and the operations it lists. */
final class OpenApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;
    private final String text;

    private OpenApiDocument(String text) {
        this.text = text;
        try {
            this.root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the gateway's OpenAPI document is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Fetches {@code /q/openapi?format=json} from the gateway; fails unless every service is in it. */
    static OpenApiDocument fetch(Gateway gateway) {
        Answer answer = gateway.send(ApiRequest.of("GET", "/q/openapi?format=json").header("Accept", "application/json"), null);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /q/openapi?format=json answered " + answer.describe());
        }
        OpenApiDocument document = new OpenApiDocument(answer.body());
        String description = document.root.path("info").path("description").asText("");
        if (!description.contains("All services answered")) {
            throw new IllegalStateException("the merged document is missing a service: " + description);
        }
        return document;
    }

    String text() {
        return text;
    }

    JsonNode root() {
        return root;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue(), this));
                }
            }
        }
        return operations;
    }

    /** Follows a {@code $ref} (local references only); other nodes come back as they are. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("external reference " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }

    /** A value for a schema: its first example, else a plain value of its type (objects: every property). */
    JsonNode exampleOf(JsonNode schemaOrRef) {
        JsonNode schema = resolve(schemaOrRef);
        if (schemaOrRef.has("examples") && schemaOrRef.get("examples").size() > 0) {
            return schemaOrRef.get("examples").get(0);
        }
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        return switch (type) {
            case "object" -> {
                com.fasterxml.jackson.databind.node.ObjectNode object = JSON.createObjectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), exampleOf(p.getValue())));
                yield object;
            }
            case "array" -> JSON.createArrayNode().add(exampleOf(schema.path("items")));
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            default -> JSON.getNodeFactory().textNode("text");
        };
    }

    /** One operation: {@code METHOD /path}. */
    record Operation(String method, String path, JsonNode node, OpenApiDocument document) {

        String key() {
            return method + " " + path;
        }

        String operationId() {
            return node.path("operationId").asText(key());
        }

        List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            node.path("parameters").forEach(p -> parameters.add(document.resolve(p)));
            return parameters;
        }

        boolean hasBody() {
            return node.has("requestBody");
        }

        Optional<JsonNode> bodyContent(String mediaType) {
            JsonNode content = document.resolve(node.path("requestBody")).path("content").get(mediaType);
            return Optional.ofNullable(content);
        }

        /** The first example of a media type's body, if the document gives one. */
        Optional<JsonNode> bodyExample(String mediaType) {
            return bodyContent(mediaType).flatMap(content -> {
                if (content.has("example")) {
                    return Optional.of(content.get("example"));
                }
                Iterator<JsonNode> examples = content.path("examples").elements();
                return examples.hasNext() ? Optional.of(document.resolve(examples.next()).path("value")) : Optional.empty();
            });
        }

        /** The body example, or one assembled from the schema's property examples when the document gives none. */
        Optional<JsonNode> bodyExampleOrSchemaExample(String mediaType) {
            return bodyExample(mediaType).or(() -> bodySchema(mediaType).map(document::exampleOf));
        }

        Optional<JsonNode> bodySchema(String mediaType) {
            return bodyContent(mediaType).map(content -> document.resolve(content.path("schema")));
        }

        @Override
        public String toString() {
            return key();
        }
    }
}
