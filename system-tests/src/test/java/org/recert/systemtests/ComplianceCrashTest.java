package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/** The compliance service killed (SIGKILL) in the middle of a stream of credit events, then restarted. */
@Order(11)
@ExtendWith(SuiteExtension.class)
class ComplianceCrashTest {

    private final Suite suite;
    private final Api api;

    ComplianceCrashTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
    }

    @Test
    void shouldCountEveryCreditOnceAfterACrashMidStream() throws Exception {
        String learner = Api.newLearner("cris");
        api.certify(learner, Api.today().minusMonths(30));
        int recorded;
        try (CreditRecorder recorder = new CreditRecorder(suite, api, learner, 120)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> api.creditsInComplianceProjection(learner) >= 10);
            suite.killService("compliance");
            int atKill = recorder.recorded();
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.recorded() >= atKill + 10);
            suite.startService("compliance");
            await().atMost(Duration.ofSeconds(60)).until(recorder::finished);
            recorded = recorder.recorded();
            assertThat(recorder.failures()).as("recording never needs the compliance service").isEmpty();
        }
        assertThat(recorded).isEqualTo(120);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.creditsInComplianceProjection(learner) == recorded);
        JsonPath status = api.status(learner);
        assertThat(Api.evaluatedCredits(status)).as("each credit evaluated once").hasSize(recorded);
    }
}
