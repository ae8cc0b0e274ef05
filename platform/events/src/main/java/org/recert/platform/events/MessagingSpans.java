package org.recert.platform.events;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import org.recert.platform.web.TraceContext;

/** The spans of an event's trip through Kafka, with the OpenTelemetry messaging attributes both ends share. */
final class MessagingSpans {

    private MessagingSpans() {
    }

    /**
     * A span named {@code <topic> <operation>}: a child of {@code traceparent} (the span that wrote the event, or the
     * producer's span the record names), or a new trace when there is none.
     */
    static SpanBuilder of(Tracer tracer, SpanKind kind, String operation, String operationType, String traceparent, String topic,
            String eventId, String key, String eventType) {
        return tracer.spanBuilder(topic + " " + operation)
                .setSpanKind(kind)
                .setParent(TraceContext.parent(traceparent))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", operationType)
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("messaging.kafka.message.key", key)
                .setAttribute("cloudevents.event_type", eventType);
    }
}
