package org.recert.credits.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.recert.credits.Fixtures.count;
import static org.recert.credits.Fixtures.unique;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.credits.Fixtures;
import org.recert.platform.security.DevTokens;

@QuarkusTest
class CompletionReportTest {

    private static final Logger LOG = Logger.getLogger(CompletionReportTest.class);
    private static final String REPORTS = "/api/v1/credits/completion-reports";

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    private String course;
    private String otherProvidersCourse;
    private String retiredCourse;

    @BeforeEach
    void publishCourses() {
        course = UUID.randomUUID().toString();
        otherProvidersCourse = UUID.randomUUID().toString();
        retiredCourse = UUID.randomUUID().toString();
        Fixtures.publishCourse(entityManager, "CoursePublished", course, Fixtures.PROVIDER, 1, "PUBLISHED", null, true);
        Fixtures.publishCourse(entityManager, "CoursePublished", otherProvidersCourse, Fixtures.OTHER_PROVIDER, 1, "PUBLISHED", null, true);
        Fixtures.publishCourse(entityManager, "CourseRetired", retiredCourse, Fixtures.PROVIDER, 3, "RETIRED", LocalDate.of(2025, 1, 31), false);
    }

    @Test
    void shouldReportEachRowOfABatchWithGoodAndBadRows() {
        String learner = unique("learner");
        List<Map<String, Object>> rows = List.of(
                row("r1", course, learner, "2025-05-01"),
                row("r2", otherProvidersCourse, learner, "2025-05-01"),
                row("r3", UUID.randomUUID().toString(), learner, "2025-05-01"),
                row("r4", retiredCourse, learner, "2025-05-01"),
                row("r5", course, learner, LocalDate.now().plusDays(5).toString()),
                row("r6", course, "not a learner!", "2025-05-01"),
                row("r7", course, learner, "2025-06-01"));

        report(rows).then().statusCode(200)
                .body("received", equalTo(7)).body("accepted", equalTo(2)).body("rejected", equalTo(5))
                .body("rows[0].status", equalTo("ACCEPTED")).body("rows[0].creditId", notNullValue())
                .body("rows[1].status", equalTo("REJECTED")).body("rows[1].field", equalTo("courseId"))
                .body("rows[2].status", equalTo("REJECTED")).body("rows[2].field", equalTo("courseId"))
                .body("rows[3].status", equalTo("REJECTED")).body("rows[3].field", equalTo("courseId"))
                .body("rows[4].status", equalTo("REJECTED")).body("rows[4].field", equalTo("completedOn"))
                .body("rows[5].status", equalTo("REJECTED")).body("rows[5].field", equalTo("learnerId"))
                .body("rows[6].status", equalTo("ACCEPTED")).body("rows[6].rowId", equalTo("r7"));

        assertThat(count(entityManager, "select count(*) from credit where learner_id = '" + learner + "' and source = 'PROVIDER_REPORTED'"))
                .isEqualTo(2);
        given().auth().oauth2(Fixtures.learner(tokens, learner)).get(CreditRecordingTest.path(learner)).then()
                .body("items[0].source", equalTo("PROVIDER_REPORTED"))
                .body("items[0].courseId", equalTo(course))
                .body("items[0].approval", equalTo("AAMA"))
                .body("items[0].amount.value", equalTo(2));
    }

    @Test
    void shouldNeverMakeTwoCreditsFromARowSentTwice() {
        String learner = unique("learner");
        List<Map<String, Object>> rows = List.of(row("a1", course, learner, "2025-05-01"), row(null, course, learner, "2025-05-02"),
                row(null, course, learner, "2025-05-02"));
        Response first = report(rows);
        first.then().statusCode(200).body("accepted", equalTo(2)).body("alreadyRecorded", equalTo(1))
                .body("rows[2].status", equalTo("ALREADY_RECORDED"));
        assertThat((String) first.path("rows[2].creditId")).isEqualTo(first.path("rows[1].creditId"));

        Response again = report(rows);
        again.then().statusCode(200).body("accepted", equalTo(0)).body("alreadyRecorded", equalTo(3));
        assertThat((String) again.path("rows[0].creditId")).isEqualTo(first.path("rows[0].creditId"));
        // the same row id for another completion is refused, not silently merged
        report(List.of(row("a1", course, learner, "2025-04-01"))).then().body("rows[0].status", equalTo("REJECTED"))
                .body("rows[0].field", equalTo("rowId"));
        assertThat(count(entityManager, "select count(*) from credit where learner_id = '" + learner + "'")).isEqualTo(2);
    }

    @Test
    void shouldMakeOneSetOfCreditsFromTwoConcurrentIdenticalReports() throws Exception {
        String run = unique("twin");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(row(null, course, run + "-" + i, "2025-05-01"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Response>> answers = pool.invokeAll(List.of(() -> report(rows), () -> report(rows)));
            int accepted = 0;
            int already = 0;
            for (java.util.concurrent.Future<Response> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                accepted += answer.get().<Integer>path("accepted");
                already += answer.get().<Integer>path("alreadyRecorded");
            }
            assertThat(accepted).isEqualTo(300);
            assertThat(already).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(entityManager, "select count(*) from credit where learner_id like '" + run + "-%'")).isEqualTo(300);
    }

    @Test
    void shouldLinkAReportedCompletionTheLearnerAlreadyRecordedInsteadOfDoublingIt() {
        String learner = unique("learner");
        String own = given().auth().oauth2(Fixtures.learner(tokens, learner)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("courseId", course, "completedOn", "2025-05-01"))
                .post(CreditRecordingTest.path(learner)).then().statusCode(201).extract().path("id");
        report(List.of(row(null, course, learner, "2025-05-01"))).then().statusCode(200)
                .body("rows[0].status", equalTo("ALREADY_RECORDED")).body("rows[0].creditId", equalTo(own));
        assertThat(count(entityManager, "select count(*) from credit where learner_id = '" + learner + "'")).isEqualTo(1);
    }

    @Test
    void shouldAcceptCsvWithQuotedCells() {
        String learner = unique("learner");
        String csv = "rowId,courseId,learnerId,completedOn,certificateNumber\r\n"
                + "\"c,1\"," + course + "," + learner + ",2025-05-01,\"CERT \"\"42\"\"\"\r\n"
                + "c2," + otherProvidersCourse + "," + learner + ",2025-05-01,\r\n";
        given().auth().oauth2(Fixtures.provider(tokens, Fixtures.PROVIDER)).contentType("text/csv").body(csv).post(REPORTS)
                .then().statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("rows[0].rowId", equalTo("c,1"));
        given().auth().oauth2(Fixtures.learner(tokens, learner)).get(CreditRecordingTest.path(learner)).then()
                .body("items[0].evidence.certificateNumber", equalTo("CERT \"42\""))
                .body("items[0].evidence.issuer", equalTo("AAMA e-Learning Center"));
    }

    @Test
    void shouldRefuseAMalformedCsvRowWholeAndWriteNothing() {
        String learner = unique("learner");
        String csv = "courseId,learnerId,completedOn\n" + course + "," + learner + ",2025-05-01\n" + course + "," + learner + ",01/05/2025\n";
        given().auth().oauth2(Fixtures.provider(tokens, Fixtures.PROVIDER)).contentType("text/csv").body(csv).post(REPORTS)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("rows[1].completedOn"));
        given().auth().oauth2(Fixtures.provider(tokens, Fixtures.PROVIDER)).contentType("text/csv")
                .body("courseId,learnerId,completedOn\n\"" + course + "," + learner + ",2025-05-01\n").post(REPORTS)
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(count(entityManager, "select count(*) from credit where learner_id = '" + learner + "'")).isZero();
    }

    @Test
    void shouldRefuseAMalformedJsonRowAndAnEmptyReport() {
        given().auth().oauth2(Fixtures.provider(tokens, Fixtures.PROVIDER)).contentType(ContentType.JSON)
                .body("[{\"courseId\":\"" + course + "\",\"learnerId\":\"maria\",\"completedOn\":\"May 1st\"}]").post(REPORTS)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("[0].completedOn"));
        report(List.of()).then().statusCode(400).body("field", equalTo("body"));
    }

    @Test
    void shouldRefuseABatchAboveTheCapWith413() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            rows.add(row(null, course, "cap-" + i, "2025-05-01"));
        }
        report(rows).then().statusCode(413).contentType("application/problem+json").body("field", equalTo("body"));
        assertThat(count(entityManager, "select count(*) from credit where learner_id like 'cap-%'")).isZero();
    }

    @Test
    void shouldRecordTenThousandRowsInOneReport() {
        String run = unique("bulk");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(row(run + "-" + i, course, run + "-" + (i % 2500), LocalDate.of(2024, 1, 1).plusDays(i / 2500).toString()));
        }
        long started = System.nanoTime();
        Response answer = report(rows);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("10,000-row completion report answered in %d ms (HTTP round trip, JSON in and out)", millis);

        answer.then().statusCode(200).body("received", equalTo(10_000)).body("accepted", equalTo(10_000)).body("rejected", equalTo(0));
        assertThat(count(entityManager, "select count(*) from credit where learner_id like '" + run + "-%'")).isEqualTo(10_000);
        assertThat(count(entityManager, "select count(*) from credit_version where learner_id like '" + run + "-%'")).isEqualTo(10_000);
        assertThat(count(entityManager, "select count(*) from outbox_event where event_key like '" + run + "-%'")).isEqualTo(10_000);

        long again = System.nanoTime();
        report(rows).then().statusCode(200).body("accepted", equalTo(0)).body("alreadyRecorded", equalTo(10_000));
        LOG.infof("the same 10,000 rows sent again answered in %d ms", (System.nanoTime() - again) / 1_000_000);
        assertThat(count(entityManager, "select count(*) from credit where learner_id like '" + run + "-%'")).isEqualTo(10_000);
    }

    private Response report(List<Map<String, Object>> rows) {
        return given().auth().oauth2(Fixtures.provider(tokens, Fixtures.PROVIDER)).contentType(ContentType.JSON).body(rows).post(REPORTS);
    }

    private static Map<String, Object> row(String rowId, String courseId, String learnerId, String completedOn) {
        Map<String, Object> row = new HashMap<>();
        row.put("rowId", rowId);
        row.put("courseId", courseId);
        row.put("learnerId", learnerId);
        row.put("completedOn", completedOn);
        return row;
    }
}
