package org.recert.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published JSON Schema of catalog.course.v1 (docs/events), which every event the service emits must satisfy. */
final class CourseEventSchema {

    private static final Path FILE = Path.of("..", "docs", "events", "catalog.course.v1.schema.json");
    private static JsonSchema schema;

    private CourseEventSchema() {
    }

    static void assertValid(String json) {
        Set<ValidationMessage> problems = schema().validate(json, com.networknt.schema.InputFormat.JSON);
        assertThat(problems).as("event against %s: %s", FILE, json).isEmpty();
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
