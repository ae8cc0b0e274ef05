package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/** A curator publishes a course that plans pick, then retires it, and plans stop offering it. */
@Order(4)
@ExtendWith(SuiteExtension.class)
class CuratorRetireTest {

    private final Api api;

    CuratorRetireTest(Suite suite) {
        this.api = new Api(suite);
    }

    @Test
    void shouldStopOfferingARetiredCourseInPlans() {
        String curator = api.curatorToken();
        String course = api.as(curator).body(freeCourseCoveringEveryCategory()).post("/api/v1/catalog/courses")
                .then().statusCode(201).extract().path("id");
        api.as(curator).post("/api/v1/catalog/courses/{id}/publish", course).then().statusCode(200);

        String learner = Api.newLearner("rita");
        api.certify(learner, Api.today().minusMonths(58));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.plan(learner).getList("courses.courseId", String.class).contains(course));

        api.as(curator).post("/api/v1/catalog/courses/{id}/retire", course)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !api.plan(learner).getList("courses.courseId", String.class).contains(course));
        assertThat(api.plan(learner).getBoolean("feasible")).as("the catalog still closes the gap without it").isTrue();
        assertThat(api.as(api.learnerToken(learner)).get("/api/v1/catalog/courses/{id}", course)
                .then().statusCode(200).extract().<String>path("status")).isEqualTo("RETIRED");
    }

    private static Map<String, Object> freeCourseCoveringEveryCategory() {
        return Map.ofEntries(
                Map.entry("title", "Free CMA recertification review (system test)"),
                Map.entry("providerId", Api.DEMO_PROVIDER),
                Map.entry("description", "Thirty approved CEUs across the administrative, clinical and general content outline."),
                Map.entry("format", "ONLINE_WORKSHOP"),
                Map.entry("scope", "GENERAL"),
                Map.entry("credit", Map.of("amount", 30, "unit", "AAMA_CEU", "contactMinutes", 1800, "categories", List.of(
                        Map.of("category", "ADMINISTRATIVE", "value", 10),
                        Map.of("category", "CLINICAL", "value", 10),
                        Map.of("category", "GENERAL", "value", 10)))),
                Map.entry("approval", Map.of("body", "AAMA", "number", "AAMA-SYS-1",
                        "validFrom", Api.today().minusYears(1).toString(), "validTo", Api.today().plusYears(2).toString())),
                Map.entry("fee", Map.of("model", "FREE", "amount", 0, "currency", "USD")),
                Map.entry("refundPolicy", "Free: nothing to refund."),
                Map.entry("rationale", "Medical assistants near their due date need a complete review at no cost."),
                Map.entry("learningOutcomes", List.of("Review the administrative outline", "Review the clinical outline")),
                Map.entry("instructorCredentials", "Dana Reyes, CMA (AAMA)"),
                Map.entry("instructionalMethods", List.of("narrated slides", "post-test")));
    }
}
