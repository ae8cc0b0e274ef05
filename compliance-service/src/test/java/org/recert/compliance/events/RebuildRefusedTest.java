package org.recert.compliance.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.recert.compliance.TestEvents.PATIENCE;
import static org.recert.compliance.TestEvents.aamaCredit;
import static org.recert.compliance.TestEvents.sendCredit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.recert.compliance.TestDatabase;
import org.recert.compliance.TestEvents;
import org.recert.devstack.DevStack;
import org.recert.platform.security.DevTokens;

/**
 * A rebuild empties the projection and replays the ledger: when the ledger no longer holds every credit, it refuses
 * and leaves the projection as it is. Tagged own-stack: a truncated topic cannot be made whole again, so this class runs
 * in a JVM (and on a broker) of its own (the compliance-service pom).
 */
@QuarkusTest
@Tag("own-stack")
class RebuildRefusedTest {

    private static final String LEDGER = TestEvents.CREDITS;

    @Inject
    TestDatabase database;

    @Inject
    DevTokens tokens;

    @Test
    void shouldRefuseToRebuildFromALedgerThatRetentionWillEmptyAndClearNothing() throws Exception {
        String learner = recordTwoCredits();
        List<Object> projection = projection();
        try (Admin admin = kafkaAdmin()) {
            retention(admin, "604800000");
            try {
                refused().body("detail", containsString(LEDGER + " deletes its records by retention (retention.ms=604800000)"));
            } finally {
                retention(admin, "-1");
            }
        }
        assertThat(projection()).as("projection of " + learner + " untouched").isEqualTo(projection);
    }

    @Test
    void shouldRefuseToRebuildFromALedgerWhoseFirstRecordsWereDeletedAndClearNothing() throws Exception {
        String learner = recordTwoCredits();
        List<Object> projection = projection();
        long rebuilds = database.count("select count(*) from projection_rebuild");
        TopicPartition truncated;
        try (Admin admin = kafkaAdmin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(LEDGER)).allTopicNames().get(10, TimeUnit.SECONDS).get(LEDGER)
                    .partitions().stream().map(p -> new TopicPartition(LEDGER, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            truncated = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .filter(end -> end.getValue().offset() > 0).map(Map.Entry::getKey).findFirst().orElseThrow();
            admin.deleteRecords(Map.of(truncated, RecordsToDelete.beforeOffset(1))).all().get(10, TimeUnit.SECONDS);
        }

        refused().body("detail", allOf(
                containsString(LEDGER + " partition " + truncated.partition() + " starts at offset 1: the records before it were deleted"),
                containsString("Nothing was cleared")));

        assertThat(projection()).as("projection of " + learner + " untouched").isEqualTo(projection);
        assertThat(database.count("select count(*) from projection_rebuild")).as("no rebuild started").isEqualTo(rebuilds);
        given().auth().oauth2(admin()).get("/api/v1/compliance/admin/projections/rebuild").then().statusCode(404);
    }

    private io.restassured.response.ValidatableResponse refused() {
        return given().auth().oauth2(admin()).post("/api/v1/compliance/admin/projections/rebuild").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/history-incomplete"))
                .body("title", equalTo("The topics no longer hold their whole history"));
    }

    private String recordTwoCredits() {
        String learner = TestEvents.unique("refused");
        given().auth().oauth2(tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5)))
                .contentType(ContentType.JSON).body(Map.of("certifiedOn", "2022-02-10"))
                .put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner).then().statusCode(201);
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-adm", learner, 1, "ACTIVE", "2024-01-10", "20", "ADMINISTRATIVE"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-cli", learner, 1, "ACTIVE", "2024-02-10", "20", "CLINICAL"));
        await().atMost(PATIENCE).until(() -> database.count("""
                select count(*) from learner_status where learner_id = ?1 and total_shortfall = 20""", learner) == 1);
        return learner;
    }

    private List<Object> projection() {
        return database.rows("select credit_id, learner_id, version, amount, categories::text from learner_credit order by credit_id");
    }

    private static void retention(Admin admin, String millis) throws Exception {
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, LEDGER),
                List.of(new AlterConfigOp(new ConfigEntry("retention.ms", millis), AlterConfigOp.OpType.SET))))
                .all().get(10, TimeUnit.SECONDS);
    }

    private static Admin kafkaAdmin() {
        return Admin.create(Map.of("bootstrap.servers", DevStack.shared().bootstrapServers()));
    }

    private String admin() {
        return tokens.mint("ops", Set.of("admin"), null, null, Duration.ofMinutes(5));
    }
}
