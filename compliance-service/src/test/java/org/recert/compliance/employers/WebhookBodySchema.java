package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published JSON Schemas of webhook bodies (docs/webhooks), which every body sent must satisfy. */
final class WebhookBodySchema {

    private static final Path DIRECTORY = Path.of("..", "docs", "webhooks");
    private static final java.util.Map<String, JsonSchema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private WebhookBodySchema() {
    }

    /** Validates a body against the schema of its own {@code type}: docs/webhooks/{type}.schema.json. */
    static void assertValid(String json) {
        String type;
        try {
            type = JSON.readTree(json).path("type").asText();
        } catch (IOException e) {
            throw new AssertionError("webhook body is not JSON: " + json, e);
        }
        Path file = DIRECTORY.resolve(type + ".schema.json");
        Set<ValidationMessage> problems = SCHEMAS.computeIfAbsent(type, t -> read(file)).validate(json, InputFormat.JSON);
        assertThat(problems).as("webhook body against %s: %s", file, json).isEmpty();
    }

    private static JsonSchema read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
