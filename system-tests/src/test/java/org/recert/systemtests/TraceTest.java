package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/** One trace id from a request at the gateway, through credits and Kafka, into the compliance service's handling. */
@Order(5)
@ExtendWith(SuiteExtension.class)
class TraceTest {

    private final Suite suite;
    private final Api api;

    TraceTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
    }

    @Test
    void shouldCarryTheTraceIdOfAGatewayRequestIntoTheHandlingOfTheEventItCaused() {
        SecureRandom random = new SecureRandom();
        String traceId = HexFormat.of().formatHex(random.generateSeed(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(random.generateSeed(8)) + "-01";
        String learner = Api.newLearner("tess");

        String credit = api.as(api.learnerToken(learner)).header("traceparent", traceparent)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.oneAamaCeu("Traced module", "GENERAL"))
                .post("/api/v1/credits/learners/{id}/credits", learner)
                .then().statusCode(201).extract().path("id");

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
