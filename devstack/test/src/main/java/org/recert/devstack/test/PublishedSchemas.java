package org.recert.devstack.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schemas the repository publishes under docs/ (events, webhook bodies), for tests that check what a
 * service really sends against what its consumers were promised. Tests run in their module's directory.
 */
public final class PublishedSchemas {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private PublishedSchemas() {
    }

    /** What is wrong with {@code json} against docs/{@code schemaPath}; empty when it is valid. */
    public static Set<ValidationMessage> problems(String schemaPath, String json) {
        return SCHEMAS.computeIfAbsent(schemaPath, PublishedSchemas::read).validate(json, InputFormat.JSON);
    }

    /** Fails the test when {@code json} does not match docs/{@code schemaPath}. */
    public static void assertValid(String schemaPath, String json) {
        Set<ValidationMessage> problems = problems(schemaPath, json);
        if (!problems.isEmpty()) {
            throw new AssertionError("not valid against docs/" + schemaPath + ": " + problems + "\n" + json);
        }
    }

    private static JsonSchema read(String schemaPath) {
        Path file = DOCS.resolve(schemaPath);
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
