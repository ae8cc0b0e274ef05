package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/** Kafka stopped for 30 seconds while learners keep recording: nothing refused, nothing lost. */
@Order(10)
@ExtendWith(SuiteExtension.class)
class KafkaOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final Suite suite;
    private final Api api;

    KafkaOutageTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
    }

    @Test
    void shouldAcceptEveryCreditWhileKafkaIsDownAndCountEachOnceAfterItIsBack() throws Exception {
        String learner = Api.newLearner("kai");
        api.certify(learner, Api.today().minusMonths(30));
        int during;
        int recorded;
        try (CreditRecorder recorder = new CreditRecorder(suite, api, learner, 1_000)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(recorder.recorded()).as("%s", recorder).isGreaterThanOrEqualTo(5));
            suite.broker().stop();
            long stopped = System.nanoTime();
            int before = recorder.recorded();
            await().atMost(OUTAGE.plusSeconds(15)).pollInterval(Duration.ofMillis(500))
                    .until(() -> System.nanoTime() - stopped >= OUTAGE.toNanos());
            during = recorder.recorded() - before;
            suite.broker().start();
            int afterRestart = recorder.recorded();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(recorder.recorded()).as("%s", recorder).isGreaterThanOrEqualTo(afterRestart + 5));
            recorder.close();
            recorded = recorder.recorded();
            assertThat(recorder.failures()).as("every POST answered 201").isEmpty();
        }
        assertThat(during).as("credits recorded while Kafka was down").isGreaterThan(10);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.creditsInComplianceProjection(learner) == recorded);
        assertThat(api.creditsInLedger(learner)).isEqualTo(recorded);
        assertThat(Api.evaluatedCredits(api.status(learner))).as("each credit evaluated once").hasSize(recorded);
    }
}
