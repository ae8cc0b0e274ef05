package org.recert.platform.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent as a handler sees it: its envelope, its JSON data and where it came from. */
public record IncomingEvent(
        String id,
        String type,
        String source,
        OffsetDateTime time,
        String topic,
        String key,
        int partition,
        long offset,
        String traceparent,
        JsonNode data) {
}
