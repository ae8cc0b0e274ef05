package org.recert.platform.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recert.platform.security.DevTokens;

/** A request's trace goes on through the outbox and Kafka into the handling of the event it caused. */
@QuarkusTest
class TracingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final String CALLER_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @Inject
    DevTokens tokens;

    @Inject
    InMemorySpanExporter exporter;

    @Test
    void shouldHandleTheEventInASpanOfTheCallersTraceBelowThePublishingSpan() {
        String note = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        postNote(note, Optional.of("00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01"));

        SpanData consumer = awaitSpan(note, SpanKind.CONSUMER);
        SpanData producer = awaitSpan(note, SpanKind.PRODUCER);
        SpanData server = spanById(producer.getParentSpanId());

        assertThat(consumer.getTraceId()).isEqualTo(CALLER_TRACE_ID);
        assertThat(consumer.getName()).isEqualTo("platform.notes.v1 process");
        assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
        assertThat(producer.getTraceId()).isEqualTo(CALLER_TRACE_ID);
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(server.getTraceId()).isEqualTo(CALLER_TRACE_ID);
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
    }

    @Test
    void shouldStartATraceForARequestWithoutOneAndCarryItIntoTheHandling() {
        String note = "untraced-" + UUID.randomUUID().toString().substring(0, 8);
        postNote(note, Optional.empty());

        SpanData consumer = awaitSpan(note, SpanKind.CONSUMER);
        SpanData producer = awaitSpan(note, SpanKind.PRODUCER);
        SpanData server = spanById(producer.getParentSpanId());

        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(server.getParentSpanContext().isValid()).isFalse();
        assertThat(consumer.getTraceId()).isEqualTo(server.getTraceId()).isNotEqualTo(CALLER_TRACE_ID);
        assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
    }

    private void postNote(String id, Optional<String> traceparent) {
        var request = given().auth().oauth2(tokens.mint("tracer", Set.of("learner"), null, null, Duration.ofMinutes(5)))
                .contentType(ContentType.JSON).body(Map.of("id", id, "body", "traced"));
        traceparent.ifPresent(value -> request.header("traceparent", value));
        request.when().post("/api/v1/notes").then().statusCode(200);
    }

    private SpanData awaitSpan(String key, SpanKind kind) {
        return await().atMost(PATIENCE).until(() -> exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == kind && key.equals(span.getAttributes().get(MESSAGE_KEY)))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private SpanData spanById(String spanId) {
        return await().atMost(PATIENCE).until(() -> exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getSpanId().equals(spanId)).findFirst(), Optional::isPresent).orElseThrow();
    }
}
