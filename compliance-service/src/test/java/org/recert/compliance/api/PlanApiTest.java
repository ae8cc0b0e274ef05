package org.recert.compliance.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import org.recert.platform.time.ServiceClock;
import org.recert.compliance.TestDatabase;
import org.recert.compliance.TestEvents;
import org.recert.platform.security.DevTokens;

/** Plans come from the course read model that catalog.course.v1 keeps. */
@QuarkusTest
class PlanApiTest {

    @Inject
    DevTokens tokens;

    @Inject
    ServiceClock clock;

    @Inject
    TestDatabase database;

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void shouldPlanTheCheapestUntakenPublishedCoursesThatCloseTheGap() {
        clock.moveTo(LocalDate.parse("2026-01-15"));
        String learner = TestEvents.unique("planner");
        String token = tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5));
        java.util.function.Supplier<RequestSpecification> self = () -> given().auth().oauth2(token).contentType(ContentType.JSON);
        String provider = UUID.randomUUID().toString();
        String cheap = UUID.randomUUID().toString();
        String dear = UUID.randomUUID().toString();
        String retired = UUID.randomUUID().toString();
        String taken = UUID.randomUUID().toString();
        String rare = UUID.randomUUID().toString();
        sendCourse(cheap, "CoursePublished", course(cheap, 1, "PUBLISHED", "Cheap general", provider, "PER_COURSE", "10.00", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(dear, "CoursePublished", course(dear, 1, "PUBLISHED", "Dear general", provider, "PER_COURSE", "95.00", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(retired, "CoursePublished", course(retired, 1, "PUBLISHED", "Retired", provider, "FREE", "0", "30",
                "ADMINISTRATIVE", true, 1500));
        sendCourse(retired, "CourseRetired", course(retired, 2, "RETIRED", "Retired", provider, "FREE", "0", "30",
                "ADMINISTRATIVE", true, 1500));
        // not free: the large-catalog test's one free course must stay the only free one that closes its gap
        sendCourse(taken, "CoursePublished", course(taken, 1, "PUBLISHED", "Taken", provider, "PER_COURSE", "50.00", "30",
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

    @Test
    void shouldStopPlanningACourseOnceItsRetirementEventArrivesAfterAPlanChoseIt() {
        clock.moveTo(LocalDate.parse("2026-01-15"));
        String learner = TestEvents.unique("replan");
        String token = tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5));
        java.util.function.Supplier<RequestSpecification> self = () -> given().auth().oauth2(token).contentType(ContentType.JSON);
        String provider = UUID.randomUUID().toString();
        String free = UUID.randomUUID().toString();
        sendCourse(free, "CoursePublished", course(free, 1, "PUBLISHED", "Free administrative", provider, "FREE", "0", "30",
                "ADMINISTRATIVE", true, 1500));
        self.get().body(Map.of("certifiedOn", "2022-02-10")).put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(201);
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-c", learner, 1, "ACTIVE", "2024-01-10", "10", "CLINICAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-g", learner, 1, "ACTIVE", "2024-01-10", "10", "GENERAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-h", learner, 1, "ACTIVE", "2024-01-10", "10", "GENERAL"));
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 3
                && database.count("select count(*) from catalog_course where course_id = ?1", free) == 1);
        self.get().queryParam("credential", "CMA_AAMA").get("/api/v1/compliance/learners/{id}/plan", learner).then().statusCode(200)
                .body("courses.courseId", hasItem(free));

        // the plan above read the catalog; the retirement must reach the next plan, however the catalog is held between plans
        sendCourse(free, "CourseRetired", course(free, 2, "RETIRED", "Free administrative", provider, "FREE", "0", "30",
                "ADMINISTRATIVE", true, 1500));
        await().atMost(PATIENCE).until(() ->
                database.count("select count(*) from catalog_course where course_id = ?1 and status = 'RETIRED'", free) == 1);
        self.get().queryParam("credential", "CMA_AAMA").get("/api/v1/compliance/learners/{id}/plan", learner).then().statusCode(200)
                .body("courses.courseId", not(hasItem(free)));
    }

    @Test
    void shouldPlanOverALargeCatalogProjectionWithinItsLimitsAndSayThatTheyCutTheSearch() {
        clock.moveTo(LocalDate.parse("2026-01-15"));
        String learner = TestEvents.unique("large");
        String token = tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("certifiedOn", "2022-02-10"))
                .put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner).then().statusCode(201);
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-a", learner, 1, "ACTIVE", "2024-01-10", "10", "ADMINISTRATIVE"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-c", learner, 1, "ACTIVE", "2024-01-10", "10", "CLINICAL"));
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-g", learner, 1, "ACTIVE", "2024-01-10", "10", "GENERAL"));
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 3);
        String best = "bulk-best-" + UUID.randomUUID();
        try {
            // 20,000 paid courses in every category, half AAMA-approved, and one free 30-CEU AAMA course that alone closes the gap
            database.update("""
                    insert into catalog_course (course_id, version, title, provider_id, provider_name, format, status, fee_model, fee,
                        currency, amount, unit, categories, approval_body, approval_number, approval_valid_to, contact_minutes, retired_on,
                        updated_at)
                    select 'bulk-' || g, 1, 'Bulk course ' || g, 'bulk-provider-' || (g % 50), 'Bulk', 'ONLINE_WORKSHOP', 'PUBLISHED',
                        'PER_COURSE', 20 + (g % 480), 'USD', 1 + (g % 10), case when g % 2 = 0 then 'AAMA_CEU' else 'CONTACT_HOUR' end,
                        jsonb_build_array(jsonb_build_object('category', (array['ADMINISTRATIVE','CLINICAL','GENERAL'])[1 + g % 3],
                            'value', 1 + (g % 10))),
                        case when g % 2 = 0 then 'AAMA' end, null, null, 50 * (1 + (g % 10)), null, now()
                    from generate_series(1, 20000) g""");
            database.update("""
                    insert into catalog_course (course_id, version, title, provider_id, provider_name, format, status, fee_model, fee,
                        currency, amount, unit, categories, approval_body, approval_number, approval_valid_to, contact_minutes, retired_on,
                        updated_at)
                    values (?1, 1, 'The free one', 'bulk-provider-free', 'Bulk', 'ONLINE_WORKSHOP', 'PUBLISHED', 'FREE', 0, 'USD', 30,
                        'AAMA_CEU', '[{"category":"GENERAL","value":30}]'::jsonb, 'AAMA', null, null, 1500, null, now())""", best);

            long start = System.nanoTime();
            given().auth().oauth2(token).queryParam("credential", "CMA_AAMA").get("/api/v1/compliance/learners/{id}/plan", learner)
                    .then().statusCode(200)
                    .body("feasible", equalTo(true))
                    .body("courses.courseId", contains(best))
                    .body("totalFee", equalTo(0))
                    .body("projected.status", equalTo("COMPLIANT"))
                    .body("effort.candidatesCut", equalTo(true))
                    .body("effort.consideredCourses", equalTo(1500))
                    .body("effort.note", org.hamcrest.Matchers.containsString("a cheaper plan may exist"));
            org.jboss.logging.Logger.getLogger(PlanApiTest.class).infof("plan over %d catalog courses: %d ms",
                    database.count("select count(*) from catalog_course"), (System.nanoTime() - start) / 1_000_000);
        } finally {
            database.update("delete from catalog_course where course_id like 'bulk-%'");
        }
    }
}
