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

/** The published JSON Schema of the status webhook body (docs/webhooks), which every body sent must satisfy. */
final class WebhookBodySchema {

    private static final Path FILE = Path.of("..", "docs", "webhooks", "compliance.status.changed.schema.json");
    private static JsonSchema schema;

    private WebhookBodySchema() {
    }

    static void assertValid(String json) {
        Set<ValidationMessage> problems = schema().validate(json, InputFormat.JSON);
        assertThat(problems).as("webhook body against %s: %s", FILE, json).isEmpty();
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            try (InputStream in = Files.newInputStream(FILE)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + FILE.toAbsolutePath(), e);
            }
        }
        return schema;
    }
}
