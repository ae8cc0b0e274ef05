package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;
import org.recert.systemtests.OtlpReceiver.ReceivedSpan;

/**
 * One trace from a request at the gateway, through credits and Kafka, into the compliance service's handling of
 * the event it caused: in the spans the services export by OTLP, and in the compliance service's log.
 */
@Order(5)
@ExtendWith(SuiteExtension.class)
class TraceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SERVER = "SPAN_KIND_SERVER";
    private static final String CONSUMER = "SPAN_KIND_CONSUMER";
    private static final String PRODUCER = "SPAN_KIND_PRODUCER";
    private static final String CLIENT = "SPAN_KIND_CLIENT";

    private final Suite suite;
    private final Api api;
    private final OtlpReceiver traces = SuiteExtension.traces();

    TraceTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
    }

    @Test
    void shouldCarryTheCallersTraceFromTheGatewayIntoTheHandlingOfTheEventItCaused() {
        SecureRandom random = new SecureRandom();
        String traceId = HexFormat.of().formatHex(random.generateSeed(16));
        String callerSpanId = HexFormat.of().formatHex(random.generateSeed(8));
        String learner = Api.newLearner("tess");

        String credit = recordCredit(learner, Optional.of("00-" + traceId + "-" + callerSpanId + "-01"));

        Chain chain = awaitChainFromComplianceToGateway(traceId, learner);
        assertThat(chain.gatewayServer().parentSpanId()).isEqualTo(callerSpanId);
        awaitComplianceLogLine(traceId, credit);
    }

    @Test
    void shouldStartATraceAtTheGatewayForACallerWithoutOneAndCarryItIntoCompliance() {
        String learner = Api.newLearner("tess");

        String credit = recordCredit(learner, Optional.empty());

        ReceivedSpan creditsServer = await().atMost(PATIENCE).until(() -> traces.spans().stream()
                .filter(span -> span.service().equals("credits-service") && span.kind().equals(SERVER)
                        && isCreditPost(span, learner))
                .findFirst(), Optional::isPresent).orElseThrow();
        Chain chain = awaitChainFromComplianceToGateway(creditsServer.traceId(), learner);
        assertThat(chain.gatewayServer().parentSpanId()).as("the gateway's span starts the trace").isEmpty();
        awaitComplianceLogLine(creditsServer.traceId(), credit);
    }

    private String recordCredit(String learner, Optional<String> traceparent) {
        RequestSpecification request = api.as(api.learnerToken(learner))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.oneAamaCeu("Traced module", "GENERAL"));
        traceparent.ifPresent(value -> request.header("traceparent", value));
        return request.post("/api/v1/credits/learners/{id}/credits", learner).then().statusCode(201).extract().path("id");
    }

    /** The spans from the compliance consumer's up to the gateway's server span, every one of the same trace. */
    private record Chain(List<ReceivedSpan> spans) {

        ReceivedSpan gatewayServer() {
            return spans.get(spans.size() - 1);
        }
    }

    /**
     * Waits until the compliance service's CONSUMER span for the learner's credit event has arrived, and every
     * span from it up through its parents: the credits service's PRODUCER span (the outbox relay), its SERVER span
     * of the credit's POST, and the gateway's SERVER span.
     */
    private Chain awaitChainFromComplianceToGateway(String traceId, String learner) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<ReceivedSpan> trace = traces.trace(traceId);
            Map<String, ReceivedSpan> byId = trace.stream()
                    .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
            Optional<ReceivedSpan> consumer = trace.stream()
                    .filter(span -> span.service().equals("compliance-service") && span.kind().equals(CONSUMER)
                            && span.name().equals("credits.ledger.v1 process")
                            && span.attribute("messaging.kafka.message.key").orElse("").equals(learner))
                    .findFirst();
            if (consumer.isEmpty()) {
                return Optional.<Chain>empty();
            }
            List<ReceivedSpan> chain = new ArrayList<>();
            ReceivedSpan current = consumer.get();
            while (current != null) {
                chain.add(current);
                if (current.service().equals("gateway") && current.kind().equals(SERVER)) {
                    return Optional.of(new Chain(chain));
                }
                current = byId.get(current.parentSpanId());
            }
            return Optional.<Chain>empty();
        }, Optional::isPresent).map(this::checked).orElseThrow();
    }

    private Chain checked(Chain chain) {
        List<ReceivedSpan> spans = chain.spans();
        assertThat(spans).extracting(ReceivedSpan::traceId).containsOnly(spans.get(0).traceId());
        int producer = indexOf(spans, "credits-service", PRODUCER);
        int creditsServer = indexOf(spans, "credits-service", SERVER);
        assertThat(producer).as("the credits relay's PRODUCER span is the consumer's ancestor").isPositive();
        assertThat(spans.get(producer).name()).isEqualTo("credits.ledger.v1 publish");
        assertThat(creditsServer).as("the credit's POST at the credits service is the producer's ancestor").isGreaterThan(producer);
        assertThat(spans.get(creditsServer).attribute("http.request.method")).contains("POST");
        assertThat(spans.subList(creditsServer + 1, spans.size())).extracting(ReceivedSpan::service, ReceivedSpan::kind)
                .as("the gateway's proxied request (its CLIENT span) is the credits service's parent")
                .containsExactly(tuple("gateway", CLIENT), tuple("gateway", SERVER));
        return chain;
    }

    private static int indexOf(List<ReceivedSpan> spans, String service, String kind) {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).service().equals(service) && spans.get(i).kind().equals(kind)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isCreditPost(ReceivedSpan span, String learner) {
        return span.attribute("http.request.method").orElse("").equals("POST")
                && span.attribute("url.path").orElse("").equals("/api/v1/credits/learners/" + learner + "/credits");
    }

    private void awaitComplianceLogLine(String traceId, String credit) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(complianceLog()).anySatisfy(line -> assertThat(line)
                        .contains("trace=" + traceId).contains("credit " + credit)));
    }

    private List<String> complianceLog() {
        try {
            return Files.readAllLines(suite.log("compliance"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
