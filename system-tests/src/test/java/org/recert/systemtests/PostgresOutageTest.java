package org.recert.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/**
 * PostgreSQL stopped and started again while requests arrive: clean 503 problems while it is away, no 500 and no
 * stack trace, and the services recover by themselves; every credit that was accepted is counted, no other.
 */
@Order(12)
@ExtendWith(SuiteExtension.class)
class PostgresOutageTest {

    private final Suite suite;
    private final Api api;

    PostgresOutageTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
    }

    @Test
    void shouldAnswerCleanProblemsWhileThePostgresIsDownAndRecoverWithoutARestart() throws Exception {
        String learner = Api.newLearner("pia");
        api.certify(learner, Api.today().minusMonths(30));
        List<CreditRecorder.Failure> statusFailures = new CopyOnWriteArrayList<>();
        int recorded;
        List<CreditRecorder.Failure> recordFailures;
        try (CreditRecorder recorder = new CreditRecorder(suite, api, learner, 1_000)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.recorded() >= 5);
            suite.stopPostgres();
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    readStatus(learner, statusFailures);
                    return recorder.failures().size() >= 3 && statusFailures.size() >= 3;
                });
            } finally {
                suite.startPostgres();
            }
            int afterRestart = recorder.recorded();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> recorder.recorded() >= afterRestart + 5 && readStatus(learner, statusFailures) == 200);
            recorder.close();
            recorded = recorder.recorded();
            recordFailures = recorder.failures();
        }

        for (List<CreditRecorder.Failure> failures : List.of(recordFailures, statusFailures)) {
            assertThat(failures).isNotEmpty().allSatisfy(failure -> {
                assertThat(failure.status()).as("while PostgreSQL is down: %s", failure).isEqualTo(503);
                assertThat(failure.contentType()).startsWith("application/problem+json");
                assertThat(failure.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.postgresql");
            });
        }
        int accepted = recorded;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.creditsInComplianceProjection(learner) == accepted);
        assertThat(api.creditsInLedger(learner)).as("each 201 recorded, no 503 half-written").isEqualTo(accepted);
        assertThat(Api.evaluatedCredits(api.status(learner))).hasSize(accepted);
    }

    private int readStatus(String learner, List<CreditRecorder.Failure> failures) {
        Response answer = given().baseUri(suite.gatewayUrl()).auth().oauth2(api.learnerToken(learner))
                .get("/api/v1/compliance/learners/{id}/status?credential=" + Api.CMA, learner);
        if (answer.statusCode() != 200) {
            failures.add(new CreditRecorder.Failure(answer.statusCode(), answer.contentType(), answer.asString()));
        }
        return answer.statusCode();
    }
}
