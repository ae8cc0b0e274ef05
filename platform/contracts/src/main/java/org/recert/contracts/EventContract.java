package org.recert.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The one parser of a topic's event data. Its strictness is the published schema's (docs/events), the same for every
 * consumer: data the schema refuses is a {@link MalformedEvent}, which the consumer parks on the DLQ, never filled in
 * with defaults. Fields the schema does not name are ignored, so producers may add optional fields.
 */
public final class EventContract<T> {

    public static final EventContract<CourseEvent> CATALOG_COURSE = new EventContract<>(Topics.CATALOG_COURSE, CourseEvent.class);
    public static final EventContract<LedgerEvent> CREDITS_LEDGER = new EventContract<>(Topics.CREDITS_LEDGER, LedgerEvent.class);
    public static final EventContract<StatusEvent> COMPLIANCE_STATUS = new EventContract<>(Topics.COMPLIANCE_STATUS, StatusEvent.class);
    public static final EventContract<RosterEvent> COMPLIANCE_ROSTER = new EventContract<>(Topics.COMPLIANCE_ROSTER, RosterEvent.class);

    private static final int MESSAGES_SHOWN = 5;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final String topic;
    private final Class<T> type;
    private final JsonSchema schema;

    private EventContract(String topic, Class<T> type) {
        this.topic = topic;
        this.type = type;
        this.schema = load("events/" + topic + ".schema.json");
    }

    public String topic() {
        return topic;
    }

    /** The event's data as its record; a {@link MalformedEvent} naming what is wrong when the schema refuses it. */
    public T read(JsonNode data) {
        Set<ValidationMessage> problems = problems(data);
        if (!problems.isEmpty()) {
            throw new MalformedEvent(topic + " event data breaks its schema: " + problems.stream().limit(MESSAGES_SHOWN)
                    .map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
        }
        try {
            return JSON.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEvent(topic + " event data cannot be read: " + e.getMessage(), e);
        }
    }

    /** What the published schema finds wrong with {@code data}; empty when it is valid. */
    public Set<ValidationMessage> problems(JsonNode data) {
        if (data == null || data.isMissingNode()) {
            throw new MalformedEvent(topic + " event has no data");
        }
        return schema.validate(data);
    }

    /** The record as the JSON the topic carries, for fixtures and checks. */
    public JsonNode write(T event) {
        return JSON.valueToTree(event);
    }

    private static JsonSchema load(String path) {
        String resource = "/org/recert/contracts/" + path;
        try (InputStream in = EventContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not packaged");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
