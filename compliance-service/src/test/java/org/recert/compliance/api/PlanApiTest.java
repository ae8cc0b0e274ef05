package org.recert.compliance.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.recert.compliance.TestEvents.PATIENCE;
import static org.recert.compliance.TestEvents.aamaCredit;
import static org.recert.compliance.TestEvents.course;
import static org.recert.compliance.TestEvents.sendCourse;
import static org.recert.compliance.TestEvents.sendCredit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recert.compliance.MutableClock;
import org.recert.compliance.TestDatabase;
import org.recert.compliance.TestEvents;
import org.recert.platform.security.DevTokens;

/** Plans come from the course read model that catalog.course.v1 keeps. */
@QuarkusTest
class PlanApiTest {

    @Inject
    DevTokens tokens;

    @Inject
    MutableClock clock;

    @Inject
    TestDatabase database;

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void shouldPlanTheCheapestUntakenPublishedCoursesThatCloseTheGap() {
        clock.set(LocalDate.parse("2026-01-15"));
        String learner = TestEvents.unique("planner");
        String token = tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5));
        java.util.function.Supplier<RequestSpecification> self = () -> given().auth().oauth2(token).contentType(ContentType.JSON);
        String provider = UUID.randomUUID().toString();
        String cheap = "c-" + UUID.randomUUID();
        String dear = "d-" + UUID.randomUUID();
        String retired = "r-" + UUID.randomUUID();
        String taken = "t-" + UUID.randomUUID();
        String rare = "x-" + UUID.randomUUID();
        sendCourse(cheap, "CoursePublished", course(cheap, 1, "PUBLISHED", "Cheap general", provider, "PER_COURSE", "10.00", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(dear, "CoursePublished", course(dear, 1, "PUBLISHED", "Dear general", provider, "PER_COURSE", "95.00", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(retired, "CoursePublished", course(retired, 1, "PUBLISHED", "Retired", provider, "FREE", "0", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(retired, "CourseRetired", course(retired, 2, "RETIRED", "Retired", provider, "FREE", "0", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(taken, "CoursePublished", course(taken, 1, "PUBLISHED", "Taken", provider, "FREE", "0", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(rare, "CoursePublished", course(rare, 1, "PUBLISHED", "Not yet", provider, "PER_COURSE", "5.00", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(rare, "CourseUpdated", course(rare, 3, "PUBLISHED", "Dearer now", provider, "PER_COURSE", "500.00", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(rare, "CourseUpdated", course(rare, 2, "PUBLISHED", "Stale", provider, "PER_COURSE", "1.00", "30",
                "ADMINISTRATIVE", true, 1500));
        self.get().body(Map.of("certifiedOn", "2022-02-10")).put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(201);
        // 30 points are earned (10 of them from the course already taken, which is not proposed again); 30 ADMINISTRATIVE to go
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-c", learner, 1, "ACTIVE", "2024-01-10", "10", "CLINICAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-g", learner, 1, "ACTIVE", "2024-01-10", "10", "GENERAL"));
        sendCredit(learner, "CreditRecorded", TestEvents.credit(learner + "-t", learner, 1, "ACTIVE", "ONLINE_WORKSHOP", "2024-01-10",
                "10", "AAMA_CEU", "GENERAL", "AAMA", 500, taken));
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 3
                && database.count("select count(*) from catalog_course where course_id = ?1 and version = 3", rare) == 1
                && database.count("select count(*) from catalog_course where course_id = ?1 and status = 'RETIRED'", retired) == 1);

        self.get().queryParam("credential", "CMA_AAMA").get("/api/v1/compliance/learners/{id}/plan", learner).then().statusCode(200)
                .body("feasible", equalTo(true))
                .body("courses.courseId", contains(cheap))
                .body("totalFee", equalTo(10))
                .body("current.status", equalTo("ON_TRACK"))
                .body("projected.status", equalTo("COMPLIANT"));
        self.get().queryParam("credential", "CMA_AAMA").queryParam("budget", "9.99").get("/api/v1/compliance/learners/{id}/plan", learner)
                .then().statusCode(200)
                .body("feasible", equalTo(false)).body("infeasibility", equalTo("OVER_BUDGET")).body("courses.courseId", contains(cheap));
    }
}
