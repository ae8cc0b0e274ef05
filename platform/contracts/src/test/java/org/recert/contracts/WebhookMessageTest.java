package org.recert.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

/** Webhook bodies built from the records are what docs/webhooks promises; what the schemas refuse the records cannot hide. */
class WebhookMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final UUID ORGANIZATION = UUID.fromString("6f1c2c6e-3f0b-4d43-9a51-0d3b9b7b2a10");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldWriteEveryMessageAsABodyItsSchemaAccepts() throws IOException {
        WebhookMessage.StatusChanged full = new WebhookMessage.StatusChanged(ORGANIZATION, "learner-1", "staff-7", "CMA_AAMA", "ON_TRACK",
                "AT_RISK", LocalDate.of(2021, 3, 1), LocalDate.of(2026, 3, 1), 59, BigDecimal.TEN,
                new WebhookMessage.Provenance(BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("49"), true));
        WebhookMessage.StatusChanged bare = new WebhookMessage.StatusChanged(ORGANIZATION, "learner-1", null, "CMA_AAMA", "COMPLIANT",
                "NO_CERTIFICATION", null, null, null, null, null);
        WebhookMessage.ConsentChanged granted = new WebhookMessage.ConsentChanged(ORGANIZATION, "learner-1", null, "GRANTED",
                List.of(new WebhookMessage.CurrentStatus("CMA_AAMA", "COMPLIANT", LocalDate.of(2021, 3, 1), LocalDate.of(2026, 3, 1), 59,
                        BigDecimal.ZERO)));
        WebhookMessage.ConsentChanged withdrawn = new WebhookMessage.ConsentChanged(ORGANIZATION, "learner-1", "staff-7", "PENDING", null);

        assertValid(new WebhookMessage(WebhookMessage.STATUS_CHANGED, NOW, full));
        assertValid(new WebhookMessage(WebhookMessage.STATUS_CHANGED, NOW, bare));
        assertValid(new WebhookMessage(WebhookMessage.CONSENT_GRANTED, NOW, granted));
        assertValid(new WebhookMessage(WebhookMessage.CONSENT_WITHDRAWN, NOW, withdrawn));
    }

    @Test
    void shouldBeRefusedByItsSchemaWhenItSaysWhatTheSchemaDoesNot() throws IOException {
        ObjectNode body = JSON.valueToTree(new WebhookMessage(WebhookMessage.STATUS_CHANGED, NOW, new WebhookMessage.StatusChanged(
                ORGANIZATION, "learner-1", null, "CMA_AAMA", "COMPLIANT", "SOMEWHERE", null, null, null, null, null)));

        assertThat(schema(WebhookMessage.STATUS_CHANGED).validate(body)).isNotEmpty();
        ((ObjectNode) body.get("data")).put("newStatus", "AT_RISK").put("credits", 3);
        assertThat(schema(WebhookMessage.STATUS_CHANGED).validate(body)).as("credits never go to an employer").isNotEmpty();
    }

    private static void assertValid(WebhookMessage message) throws IOException {
        JsonNode body = JSON.valueToTree(message);
        assertThat(schema(message.type()).validate(body)).as(body.toString()).isEmpty();
    }

    private static JsonSchema schema(String type) throws IOException {
        try (InputStream in = WebhookMessage.class.getResourceAsStream("/org/recert/contracts/webhooks/" + type + ".schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
