package org.recert.compliance;

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

/** The published JSON Schema of compliance.status.v1 (docs/events), for checking what the service really sends. */
public final class StatusEventSchema {

    private static final Path FILE = Path.of("..", "docs", "events", "compliance.status.v1.schema.json");
    private static JsonSchema schema;

    private StatusEventSchema() {
    }

    public static Set<ValidationMessage> problems(String json) {
        return schema().validate(json, InputFormat.JSON);
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
