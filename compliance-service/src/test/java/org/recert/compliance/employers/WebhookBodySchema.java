package org.recert.compliance.employers;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.recert.devstack.test.PublishedSchemas;

/** Checks a webhook body against the published schema of its own {@code type}: docs/webhooks/{type}.schema.json. */
final class WebhookBodySchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBodySchema() {
    }

    static void assertValid(String json) {
        String type;
        try {
            type = JSON.readTree(json).path("type").asText();
        } catch (IOException e) {
            throw new AssertionError("webhook body is not JSON: " + json, e);
        }
        PublishedSchemas.assertValid("webhooks/" + type + ".schema.json", json);
    }
}
