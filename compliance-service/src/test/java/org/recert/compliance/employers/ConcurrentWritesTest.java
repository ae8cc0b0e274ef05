package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.recert.compliance.employers.EmployerFixtures.uniqueLearner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.recert.compliance.TestDatabase;
import org.recert.platform.web.Cursor;

/**
 * The same write fired by several clients at the same instant (a retry racing its original): each answers what a
 * retry should, one 201 and the rest 200, or 409, and never a 500. Also crafted roster cursors: 400, never a 500.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static final String ORGS = "/api/v1/compliance/organizations";
    private static final int CLIENTS = 8;

    @Inject
    EmployerFixtures fx;

    @Inject
    TestDatabase database;

    @Test
    void shouldGrantADuplicateConsentRaceOnceAndAnswerTheOthers200() throws Exception {
        String org = fx.createOrganization("Race Clinic " + uniqueLearner("o"));
        String learner = uniqueLearner("race");

        List<Integer> answers = race(i -> fx.learner(learner).body(Map.of("organizationId", org))
                .post("/api/v1/compliance/learners/" + learner + "/consents"));

        assertThat(answers).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(database.count("select count(*) from learner_consent_log where learner_id = ?1", learner)).isEqualTo(1);
    }

    @Test
    void shouldAddARacedMemberOnceAndAnswerTheOthers200() throws Exception {
        String org = fx.createOrganization("Race Clinic " + uniqueLearner("o"));
        String learner = uniqueLearner("race");

        List<Integer> answers = race(i -> fx.employerOf(org).body(Map.of("staffRef", "EMP-R"))
                .put(ORGS + "/" + org + "/members/" + learner));

        assertThat(answers).containsOnly(200, 201).containsOnlyOnce(201);
        fx.employerOf(org).get(ORGS + "/" + org + "/members/" + learner).then().statusCode(200).body("[0].staffRef", equalTo("EMP-R"));
    }

    @Test
    void shouldGiveARacedStaffReferenceToOneLearnerAndAnswerTheOthers409() throws Exception {
        String org = fx.createOrganization("Race Clinic " + uniqueLearner("o"));
        String prefix = uniqueLearner("racer");

        List<Integer> answers = race(i -> fx.employerOf(org).body(Map.of("staffRef", "EMP-SHARED"))
                .put(ORGS + "/" + org + "/members/" + prefix + "-" + i));

        assertThat(answers).containsOnly(201, 409).containsOnlyOnce(201);
    }

    @Test
    void shouldStartARacedFirstCertificationOnceAndAnswerTheOthers200() throws Exception {
        String learner = uniqueLearner("first");

        List<Integer> answers = race(i -> fx.learner(learner).body(Map.of("certifiedOn", "2022-02-10"))
                .put("/api/v1/compliance/learners/" + learner + "/certifications/CMA_AAMA"));

        assertThat(answers).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(database.count("select count(*) from certification where learner_id = ?1", learner)).isEqualTo(1);
    }

    @Test
    void shouldAnswerACraftedRosterCursorWith400NamingIt() {
        String org = fx.createOrganization("Cursor Clinic " + uniqueLearner("o"));
        fx.addMember(org, uniqueLearner("m"), null);
        String roster = ORGS + "/" + org + "/roster";
        for (String cursor : List.of(
                Cursor.encode("dueDate", "not-a-date", "x", ""),
                Cursor.encode("dueDate", "+99999-01-01", "x", ""),
                Cursor.encode("dueDate", "2027-01-01", "x\u0000y", ""),
                Cursor.encode("learnerId", "x\u0000y", ""),
                Cursor.encode("learnerId", "x"))) {
            String sort = cursor.equals(Cursor.encode("learnerId", "x\u0000y", "")) || cursor.equals(Cursor.encode("learnerId", "x"))
                    ? "learnerId" : "dueDate";
            fx.employerOf(org).queryParam("sort", sort).queryParam("cursor", cursor).get(roster)
                    .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("cursor"));
        }
    }

    /** Fires {@link #CLIENTS} requests at once; their status codes. */
    private static List<Integer> race(IntFunction<Response> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                calls.add(() -> {
                    start.await();
                    return request.apply(client).statusCode();
                });
            }
            List<Future<Integer>> futures = calls.stream().map(clients::submit).toList();
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }
}
