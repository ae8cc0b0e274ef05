package org.recert.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/**
 * Two instances of credits-service and two of compliance-service on the same databases and Kafka, as two
 * replicas of each Deployment: credits recorded through both credits instances (their outbox relays share one
 * outbox), their events split between both compliance instances (one consumer group), each credit stored once and
 * each event applied once; and a projection rebuild requested through the gateway restores the credits of every
 * instance's partitions.
 */
@Order(13)
@ExtendWith(SuiteExtension.class)
class ReplicasTest {

    private static final Logger LOG = Logger.getLogger(ReplicasTest.class.getName());
    private static final int LEARNERS = 8;
    private static final int MIN_CREDITS = 48;

    private final Suite suite;
    private final Api api;
    private final LedgerAudit audit;

    ReplicasTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
        this.audit = new LedgerAudit(suite);
    }

    @Test
    void shouldStoreEachCreditOnceAndApplyEachEventOnceWithTwoReplicasOfCreditsAndOfCompliance() throws Exception {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            String learner = Api.newLearner("rita");
            api.certify(learner, Api.today().minusMonths(30));
            learners.add(learner);
        }
        String compliance = suite.serviceUrl("compliance");
        double handledBefore = audit.eventsHandled(compliance);
        double deadBefore = audit.deadLettered(compliance);

        try (Replicas replicas = Replicas.start(suite, Map.of("credits", Map.of(), "compliance", Map.of()))) {
            String secondCredits = replicas.of("credits").url();
            String secondCompliance = replicas.of("compliance").url();
            CreditStream stream = new CreditStream(api, learners, List.of(suite.gatewayUrl(), secondCredits), null);
            try (stream) {
                // until both consumers have partitions of the ledger topic and applied events from them
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertThat(stream.ackedCount()).as("%s", stream).isGreaterThanOrEqualTo(MIN_CREDITS);
                    assertThat(audit.eventsHandled(compliance) - handledBefore).as("applied by the suite's compliance")
                            .isPositive();
                    assertThat(audit.eventsHandled(secondCompliance)).as("applied by the second compliance").isPositive();
                });
            }
            assertThat(stream.failures()).as("every POST answered 201: %s", stream).isEmpty();
            assertThat(stream.ackedBy(secondCredits)).as("credits recorded by the second credits instance").isPositive();
            Map<String, List<String>> acked = LedgerAudit.sorted(stream.acked());
            int credits = stream.ackedCount();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                assertThat(audit.unsentInCreditsOutbox()).as("credits outbox drained").isZero();
                assertThat(audit.projectedCredits(learners)).as("compliance's projection").isEqualTo(acked);
            });
            assertThat(audit.ledgerRows(learners)).as("each acknowledged credit stored exactly once").isEqualTo(acked);
            List<String> events = audit.ledgerEvents(learners);
            assertThat(events).as("one ledger event per credit").hasSize(credits).doesNotHaveDuplicates();
            assertThat(audit.appliedByCompliance(events)).as("every event applied").hasSize(credits);
            double handledHere = audit.eventsHandled(compliance) - handledBefore;
            double handledThere = audit.eventsHandled(secondCompliance);
            assertThat(handledHere + handledThere).as("applications across both instances: each event once")
                    .isEqualTo((double) credits);
            assertThat(audit.deadLettered(compliance) - deadBefore + audit.deadLettered(secondCompliance))
                    .as("dead-lettered").isZero();
            for (String learner : learners) {
                assertStatusFollowsLedger(learner, Set.copyOf(acked.get(learner)), secondCompliance);
            }
            LOG.info(() -> String.format("two replicas each: %d credits (%d by the second credits instance), events applied"
                    + " %.0f by the suite's compliance and %.0f by the second", credits, stream.ackedBy(secondCredits),
                    handledHere, handledThere));
        }
    }

    /**
     * A rebuild requested through the gateway reaches one compliance instance, yet every instance replays the
     * partitions it holds: the credits on the second instance's partitions come back too, and the rebuild completes.
     */
    @Test
    void shouldRestoreEveryLearnersCreditsWhenTheProjectionsAreRebuiltWithTwoComplianceReplicas() throws Exception {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            String learner = Api.newLearner("reba");
            api.certify(learner, Api.today().minusMonths(30));
            learners.add(learner);
        }
        String compliance = suite.serviceUrl("compliance");
        double handledBefore = audit.eventsHandled(compliance);

        try (Replicas replicas = Replicas.start(suite, Map.of("compliance", Map.of()))) {
            String secondCompliance = replicas.of("compliance").url();
            CreditStream stream = new CreditStream(api, learners, List.of(suite.gatewayUrl()), null);
            try (stream) {
                // until both instances hold partitions of the ledger topic that carry these learners' credits
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertThat(stream.ackedCount()).as("%s", stream).isGreaterThanOrEqualTo(MIN_CREDITS / 2);
                    assertThat(audit.eventsHandled(compliance) - handledBefore).as("applied by the suite's compliance")
                            .isPositive();
                    assertThat(audit.eventsHandled(secondCompliance)).as("applied by the second compliance").isPositive();
                });
            }
            assertThat(stream.failures()).as("every POST answered 201: %s", stream).isEmpty();
            Map<String, List<String>> acked = LedgerAudit.sorted(stream.acked());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                assertThat(audit.unsentInCreditsOutbox()).as("credits outbox drained").isZero();
                assertThat(audit.projectedCredits(learners)).as("compliance's projection before the rebuild").isEqualTo(acked);
            });

            String admin = api.adminToken();
            long rebuild = api.as(admin).post("/api/v1/compliance/admin/projections/rebuild")
                    .then().statusCode(202).extract().jsonPath().getLong("id");
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonPath latest = api.as(admin).get("/api/v1/compliance/admin/projections/rebuild").then().statusCode(200)
                        .extract().jsonPath();
                assertThat(latest.getLong("id")).isEqualTo(rebuild);
                assertThat(latest.getString("state")).as("rebuild %d: partitions %s", rebuild, latest.getList("partitions"))
                        .isEqualTo("COMPLETED");
            });
            long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertThat(audit.projectedCredits(learners)).as("compliance's projection after the rebuild").isEqualTo(acked);
            assertThat(audit.ledgerRows(learners)).as("the ledger").isEqualTo(acked);
            for (String learner : learners) {
                assertStatusFollowsLedger(learner, Set.copyOf(acked.get(learner)), secondCompliance);
            }
            LOG.info(() -> String.format("rebuild %d with two compliance instances completed in %d ms: %d credits of %d learners"
                    + " restored", rebuild, tookMillis, stream.ackedCount(), learners.size()));
        }
    }

    /** Both compliance instances answer the status the ledger implies: one point per credit, each counted once. */
    private void assertStatusFollowsLedger(String learner, Set<String> credits, String secondCompliance) {
        JsonPath viaGateway = api.status(learner);
        assertThat(Api.evaluatedCredits(viaGateway)).as("%s evaluated credits", learner).isEqualTo(credits);
        assertThat(viaGateway.getList("counted.creditId")).as("counted once").doesNotHaveDuplicates().hasSize(credits.size());
        assertThat(Api.earned(viaGateway, "TOTAL")).isEqualByComparingTo(BigDecimal.valueOf(credits.size()));
        assertThat(viaGateway.getString("status")).as("30 months into the cycle, short of 60 points").isEqualTo("ON_TRACK");
        JsonPath viaSecond = given().baseUri(secondCompliance).auth().oauth2(api.learnerToken(learner))
                .get("/api/v1/compliance/learners/{id}/status?credential=" + Api.CMA, learner)
                .then().statusCode(200).extract().jsonPath();
        assertThat(viaSecond.getMap("")).as("the second instance keeps no state of its own").isEqualTo(viaGateway.getMap(""));
    }
}
