package org.recert.compliance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.platform.time.ServiceClock;
import org.recert.compliance.TestEvents;
import org.recert.platform.security.DevTokens;

@QuarkusTest
class LearnerComplianceApiTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-01-15");

    @Inject
    DevTokens tokens;

    @Inject
    ServiceClock clock;

    private String learner;

    @BeforeEach
    void fixTheDay() {
        clock.moveTo(TODAY);
        learner = TestEvents.unique("learner");
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    private RequestSpecification as(String subject, String... groups) {
        return given().auth().oauth2(tokens.mint(subject, Set.of(groups), groups[0].equals("employer")
                ? "22222222-2222-4222-8222-222222222222" : null, null, Duration.ofMinutes(5)))
                .contentType(ContentType.JSON);
    }

    private RequestSpecification self() {
        return as(learner, "learner");
    }

    private void certify(String day) {
        self().body(Map.of("certifiedOn", day)).put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(201);
    }

    @Test
    void shouldListTheFourCredentialsWithTheirRules() {
        self().get("/api/v1/compliance/credentials").then().statusCode(200)
                .body("items.code", contains("CMA_AAMA", "RMA_AMT", "CCMA_NHA", "CMAC_AMCA"))
                .body("nextCursor", nullValue())
                .body("items[0].totalPoints", equalTo(60))
                .body("items[0].units.CPR_CARD.maxUnitsPerCycle", equalTo(3))
                .body("items[0].units.CPR_CARD.pointsPerUnit", equalTo(4))
                .body("items[0].units.CPR_CARD.fixedCategory", equalTo("CLINICAL"))
                .body("items[0].units.COLLEGE_CREDIT.pointsPerUnit", equalTo(15))
                .body("items[0].units.AAMA_CEU", hasKey("maxUnitsPerCycle"))
                .body("items[0].units.AAMA_CEU.maxUnitsPerCycle", nullValue())
                .body("items[2].units.COLLEGE_CREDIT.pointsPerUnit", equalTo(10))
                .body("items[0].summary", hasItem(containsString("At least 30 points approved by AAMA")));
    }

    @Test
    void shouldGetOneCredentialAndAnswer404ForAnUnknownOne() {
        as("cora", "curator").get("/api/v1/compliance/credentials/CMA_AAMA").then().statusCode(200)
                .body("excludedActivities.CONTINUED_EMPLOYMENT", containsString("Employment does not count"));
        self().get("/api/v1/compliance/credentials/NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldStartACycleAndDueItAtTheEndOfTheMonthSixtyMonthsLater() {
        self().body(Map.of("certifiedOn", "2022-02-10")).put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/compliance/learners/" + learner + "/certifications/CMA_AAMA"))
                .body("dueDate", equalTo("2027-02-28")).body("graceEnd", equalTo("2027-05-29")).body("current", equalTo(true));

        self().body(Map.of("certifiedOn", "2022-02-10")).put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(200);
    }

    @Test
    void shouldKeepTheOldCycleInTheHistoryWhenANewDateIsRecorded() {
        certify("2020-01-20");
        certify("2025-01-20");

        self().get("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner).then().statusCode(200)
                .body("current.certifiedOn", equalTo("2025-01-20"))
                .body("history.certifiedOn", contains("2025-01-20", "2020-01-20"))
                .body("history.current", contains(true, false));
        self().get("/api/v1/compliance/learners/{id}/certifications", learner).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].dueDate", equalTo("2030-01-31"));
        self().get("/api/v1/compliance/learners/{id}/statuses", learner).then().statusCode(200)
                .body("items.credential", contains("CMA_AAMA")).body("items[0].cycleStart", equalTo("2025-01-20"));
    }

    @Test
    void shouldAnswerTheStatusInTheShapeOfTheDesign() {
        certify("2022-02-10");

        self().queryParam("credential", "CMA_AAMA").get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(200)
                .body("learnerId", equalTo(learner)).body("credential", equalTo("CMA_AAMA"))
                .body("status", equalTo("ON_TRACK")).body("cycleStart", equalTo("2022-02-10"))
                .body("dueDate", equalTo("2027-02-28")).body("daysRemaining", equalTo(409))
                .body("requirements.code", contains("TOTAL", "ADMINISTRATIVE", "CLINICAL", "GENERAL", "AAMA_APPROVED"))
                .body("requirements[0].required", equalTo(60)).body("requirements[0].earned", equalTo(0))
                .body("requirements[0].shortfall", equalTo(60))
                .body("counted", hasSize(0)).body("excluded", hasSize(0))
                .body("reasons[0]", containsString("60 points still to earn"));
    }

    @Test
    void shouldEvaluateOnAnotherDayWithAsOf() {
        certify("2022-02-10");

        self().queryParam("credential", "CMA_AAMA").queryParam("asOf", "2027-05-29")
                .get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(200)
                .body("status", equalTo("GRACE")).body("daysRemaining", equalTo(-90));
        self().queryParam("credential", "CMA_AAMA").queryParam("asOf", "2027-05-30")
                .get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(200)
                .body("status", equalTo("LAPSED"));
    }

    @Test
    void shouldEvaluateADayBeforeTheCurrentCycleInTheCycleThatHeldThen() {
        certify("2020-01-20");
        certify("2025-01-20");

        self().queryParam("credential", "CMA_AAMA").queryParam("asOf", "2024-12-31")
                .get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(200)
                .body("cycleStart", equalTo("2020-01-20")).body("dueDate", equalTo("2025-01-31")).body("status", equalTo("AT_RISK"));
        self().queryParam("credential", "CMA_AAMA").queryParam("asOf", "2019-12-31")
                .get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(200)
                .body("status", equalTo("NO_CERTIFICATION"));
        self().queryParam("credential", "CMA_AAMA").get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(200)
                .body("cycleStart", equalTo("2025-01-20"));
    }

    @Test
    void shouldSayNoCertificationForACredentialNeverRecorded() {
        self().queryParam("credential", "RMA_AMT").get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(200)
                .body("status", equalTo("NO_CERTIFICATION")).body("dueDate", nullValue());
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        self().body(Map.of("certifiedOn", TODAY.plusDays(1).toString()))
                .put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("certifiedOn"));
        self().body(Map.of("certifiedOn", "2022-02-30")).put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(400).contentType("application/problem+json");
        self().body("{}").put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(400).contentType("application/problem+json");
        self().body(Map.of("certifiedOn", "2022-02-10")).put("/api/v1/compliance/learners/{id}/certifications/NOPE", learner)
                .then().statusCode(404).contentType("application/problem+json");
        self().queryParam("credential", "NOPE").get("/api/v1/compliance/learners/{id}/status", learner)
                .then().statusCode(400).body("field", equalTo("credential"));
        self().get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(400).body("field", equalTo("credential"));
        self().queryParam("credential", "CMA_AAMA").queryParam("asOf", "1969-12-31")
                .get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(400).body("field", equalTo("asOf"));
        self().queryParam("credential", "CMA_AAMA").queryParam("asOf", "2040-01-01")
                .get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(400).body("field", equalTo("asOf"));
        self().queryParam("credential", "CMA_AAMA").queryParam("asOf", "tomorrow")
                .get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(400).body("field", equalTo("asOf"));
        as("ops", "admin").queryParam("credential", "CMA_AAMA").get("/api/v1/compliance/learners/{id}/status", "bad id!")
                .then().statusCode(400).body("field", equalTo("learnerId"));
        self().queryParam("credential", "CMA_AAMA").queryParam("budget", "-1").get("/api/v1/compliance/learners/{id}/plan", learner)
                .then().statusCode(400).body("field", equalTo("budget"));
        self().queryParam("credential", "CMA_AAMA").queryParam("approvedOnly", "maybe")
                .get("/api/v1/compliance/learners/{id}/plan", learner).then().statusCode(400).body("field", equalTo("approvedOnly"));
    }

    @Test
    void shouldAnswerEachCredentialsStatusAndPlanInOneOverviewExactlyAsTheirOwnEndpointsDo() {
        certify("2022-02-10");
        self().body(Map.of("certifiedOn", "2024-05-02")).put("/api/v1/compliance/learners/{id}/certifications/RMA_AMT", learner)
                .then().statusCode(201);
        String learnerPath = "/api/v1/compliance/learners/{id}";
        var overview = self().queryParam("credential", "CCMA_NHA")
                .get(learnerPath + "/overview", learner).then().statusCode(200)
                .body("learnerId", equalTo(learner))
                .body("asOf", equalTo(TODAY.toString()))
                // the ones asked for first, in that order, then those held
                .body("credentials.credential", contains("CCMA_NHA", "CMA_AAMA", "RMA_AMT"))
                .extract().jsonPath();
        for (int i : new int[] {0, 1, 2}) {
            String credential = overview.getString("credentials[" + i + "].credential");
            Map<String, Object> status = self().queryParam("credential", credential).get(learnerPath + "/status", learner)
                    .then().statusCode(200).extract().jsonPath().getMap("$");
            Map<String, Object> plan = self().queryParam("credential", credential).get(learnerPath + "/plan", learner)
                    .then().statusCode(200).extract().jsonPath().getMap("$");
            assertThat(overview.getMap("credentials[" + i + "].status")).as(credential).isEqualTo(status);
            assertThat(overview.getMap("credentials[" + i + "].plan")).as(credential).isEqualTo(plan);
            assertThat(overview.getMap("credentials[" + i + "].statusProblem")).isNull();
        }
        // a code that names no credential is bad input, refused as GET status refuses it, not an entry
        String refused = self().queryParam("credential", "NOPE").get(learnerPath + "/status", learner).then().statusCode(400)
                .extract().jsonPath().getString("detail");
        self().queryParam("credential", "CCMA_NHA").queryParam("credential", "NOPE").get(learnerPath + "/overview", learner)
                .then().statusCode(400).body("field", equalTo("credential")).body("detail", equalTo(refused));

        self().queryParam("credential", "x".repeat(65)).get(learnerPath + "/overview", learner).then().statusCode(400)
                .body("field", equalTo("credential"));
    }

    @Test
    void shouldLetAnAdminReadAndCertifyAnyLearner() {
        as("ops", "admin").body(Map.of("certifiedOn", "2023-04-01"))
                .put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner).then().statusCode(201)
                .body("recordedBy", equalTo("ops"));
        as("ops", "admin").queryParam("credential", "CMA_AAMA").get("/api/v1/compliance/learners/{id}/status", learner)
                .then().statusCode(200).body("dueDate", equalTo("2028-04-30"));
    }

    @Test
    void shouldDenyEveryLearnerEndpointToAnyoneButTheLearnerAndAdmins() {
        certify("2022-02-10");
        String[] paths = {"/certifications", "/certifications/CMA_AAMA", "/statuses", "/status?credential=CMA_AAMA", "/plan?credential=CMA_AAMA",
                "/overview?credential=CMA_AAMA"};
        for (String path : paths) {
            String url = "/api/v1/compliance/learners/" + learner + path;
            given().get(url).then().statusCode(401);
            as("someone-else", "learner").get(url).then().statusCode(404).contentType("application/problem+json");
            as("hr-carla", "employer").get(url).then().statusCode(403);
            as("prov-ann", "provider").get(url).then().statusCode(403);
            as("cora", "curator").get(url).then().statusCode(403);
        }
        String put = "/api/v1/compliance/learners/" + learner + "/certifications/CMA_AAMA";
        given().contentType(ContentType.JSON).body(Map.of("certifiedOn", "2023-01-01")).put(put).then().statusCode(401);
        as("someone-else", "learner").body(Map.of("certifiedOn", "2023-01-01")).put(put).then().statusCode(404);
        as("hr-carla", "employer").body(Map.of("certifiedOn", "2023-01-01")).put(put).then().statusCode(403);
        given().get("/api/v1/compliance/credentials").then().statusCode(401);
        for (String admin : new String[] {"/api/v1/compliance/admin/projections/rebuild", "/api/v1/compliance/admin/status-sweep"}) {
            given().post(admin).then().statusCode(401);
            self().post(admin).then().statusCode(403);
            as("hr-carla", "employer").post(admin).then().statusCode(403);
        }
        self().get("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner).then().statusCode(200)
                .body("current.certifiedOn", equalTo("2022-02-10"));
    }
}
