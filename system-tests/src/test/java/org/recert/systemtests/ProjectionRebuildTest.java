package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/**
 * After the journeys and the faults: every learner's status equals what a rebuild of the compliance projections
 * from the topics, from scratch, gives. Whatever the faults did, nothing was lost and nothing counted twice.
 */
@Order(20)
@ExtendWith(SuiteExtension.class)
class ProjectionRebuildTest {

    private final Api api;

    ProjectionRebuildTest(Suite suite) {
        this.api = new Api(suite);
    }

    @Test
    void shouldGiveEveryLearnerTheSameStatusAfterARebuildFromTheTopics() {
        String learner = Api.newLearner("rebecca");
        api.certify(learner, Api.today().minusMonths(58));
        api.recordCredit(learner, Api.oneAamaCeu("Before the rebuild", "CLINICAL"));
        api.awaitStatus(learner, status -> Api.evaluatedCredits(status).size() == 1);

        Map<String, Map<String, Object>> before = statuses();
        String admin = api.adminToken();
        long rebuild = api.as(admin).post("/api/v1/compliance/admin/projections/rebuild")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath latest = api.as(admin).get("/api/v1/compliance/admin/projections/rebuild").then().statusCode(200)
                    .extract().jsonPath();
            return latest.getLong("id") == rebuild && "COMPLETED".equals(latest.getString("state"));
        });
        assertThat(statuses()).as("statuses after the rebuild").isEqualTo(before);
    }

    private Map<String, Map<String, Object>> statuses() {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (String learner : Api.LEARNERS.stream().sorted().toList()) {
            JsonPath status = api.status(learner);
            Map<String, Object> comparable = new LinkedHashMap<>();
            comparable.put("status", status.getString("status"));
            comparable.put("dueDate", status.getString("dueDate"));
            comparable.put("requirements", status.getList("requirements"));
            comparable.put("credits", Api.evaluatedCredits(status));
            comparable.put("counted", List.copyOf(status.getList("counted")));
            all.put(learner, comparable);
        }
        return all;
    }
}
