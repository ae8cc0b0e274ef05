package org.recert.compliance.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.recert.compliance.TestEvents.PATIENCE;
import static org.recert.compliance.TestEvents.aamaCredit;
import static org.recert.compliance.TestEvents.sendCredit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recert.platform.time.ServiceClock;
import org.recert.compliance.TestDatabase;
import org.recert.compliance.TestEvents;
import org.recert.platform.security.DevTokens;

/** The application summary and the dated rules as the status answer shows them (issue 15). */
@QuarkusTest
class RecertificationSummaryApiTest {

    private static final String SUMMARY = "/api/v1/compliance/learners/{id}/recertification-summary";

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

    private String token(String subject, String role, String org) {
        return tokens.mint(subject, Set.of(role), org, null, Duration.ofMinutes(5));
    }

    /** Certified 2022-02-10 (due 2027-02-28): 10 AAMA CEUs and 2 non-AAMA contact hours with evidence, on 2026-01-15. */
    private String learnerWithMixedCredit() {
        clock.moveTo(LocalDate.parse("2026-01-15"));
        String learner = TestEvents.unique("summary");
        given().auth().oauth2(token(learner, "learner", null)).contentType(ContentType.JSON).body(Map.of("certifiedOn", "2022-02-10"))
                .put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner).then().statusCode(201);
        sendCredit(learner, "CreditRecorded", aamaCredit(learner + "-a", learner, 1, "ACTIVE", "2024-01-10", "10", "CLINICAL"));
        String seminar = TestEvents.credit(learner + "-n", learner, 1, "ACTIVE", "SEMINAR", "2024-02-10", "2", "CONTACT_HOUR",
                "GENERAL", "NON_AAMA", 100, null)
                .replace("\"title\":\"Course " + learner + "-n\"", "\"title\":\"Wound care <script>alert(1)</script>\"")
                .replace("\"evidence\":null", "\"evidence\":{\"issuer\":\"County & Clinic\",\"certificateNumber\":\"C-77\","
                        + "\"fileName\":\"seminar.pdf\",\"sha256\":null}");
        sendCredit(learner, "CreditRecorded", seminar);
        await().atMost(PATIENCE).until(() -> database.count("select count(*) from learner_credit where learner_id = ?1", learner) == 2);
        return learner;
    }

    @Test
    void shouldNameTheRuleSetVersionAndTheDayToApplyByInTheStatus() {
        String learner = learnerWithMixedCredit();

        given().auth().oauth2(token(learner, "learner", null)).queryParam("credential", "CMA_AAMA")
                .get("/api/v1/compliance/learners/{id}/status", learner).then().statusCode(200)
                .body("ruleSetVersion", equalTo("2020-01-01"))
                .body("dueDate", equalTo("2027-02-28"))
                .body("applyBy", equalTo("2027-01-29"))
                .body("graceEnd", equalTo("2027-05-29"))
                .body("nextStatusChangeOn", equalTo("2026-08-02"));
    }

    @Test
    void shouldSummarizeCountedCreditsByCategoryWithEvidenceAndTheDocumentationNeeded() {
        String learner = learnerWithMixedCredit();

        given().auth().oauth2(token(learner, "learner", null)).accept(ContentType.JSON).queryParam("credential", "CMA_AAMA")
                .get(SUMMARY, learner).then().statusCode(200).contentType(ContentType.JSON)
                .body("ruleSetVersion", equalTo("2020-01-01"))
                .body("applyBy", equalTo("2027-01-29"))
                .body("categories.category", contains("CLINICAL", "GENERAL"))
                .body("categories.points", contains(10, 2))
                .body("needsDocumentation.creditId", contains(TestEvents.id(learner + "-n").toString()))
                .body("needsDocumentation[0].evidence.certificateNumber", equalTo("C-77"))
                .body("needsDocumentation[0].providerName", equalTo("Provider"))
                .body("documentationNote", startsWith("For each credit not approved by AAMA"))
                .body("feeNote", startsWith("The application goes to the AAMA"))
                .body("sources.rule", hasItem("processing"));
    }

    @Test
    void shouldServeAPrintablePageWithEveryValueEscaped() {
        String learner = learnerWithMixedCredit();

        String page = given().auth().oauth2(token(learner, "learner", null)).accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .queryParam("credential", "CMA_AAMA").get(SUMMARY, learner).then().statusCode(200).contentType(ContentType.HTML)
                .extract().asString();

        assertThat(page).startsWith("<!DOCTYPE html>").contains("@media print").contains("Apply by <time datetime=\"2027-01-29\">")
                .contains("Wound care &lt;script&gt;alert(1)&lt;/script&gt;").contains("County &amp; Clinic")
                .doesNotContain("<script>");
    }

    @Test
    void shouldAllowOnlyTheLearnerAndAdminsAsTheStatusDoes() {
        String learner = learnerWithMixedCredit();

        given().auth().oauth2(token("someone-else", "learner", null)).queryParam("credential", "CMA_AAMA").get(SUMMARY, learner)
                .then().statusCode(404);
        given().auth().oauth2(token("boss", "employer", "22222222-2222-4222-8222-222222222222")).queryParam("credential", "CMA_AAMA")
                .get(SUMMARY, learner).then().statusCode(403);
        given().auth().oauth2(token("curator", "curator", null)).queryParam("credential", "CMA_AAMA").get(SUMMARY, learner)
                .then().statusCode(403);
        given().queryParam("credential", "CMA_AAMA").get(SUMMARY, learner).then().statusCode(401);
        given().auth().oauth2(token("root", "admin", null)).queryParam("credential", "CMA_AAMA").get(SUMMARY, learner)
                .then().statusCode(200).body("learnerId", equalTo(learner));
        given().auth().oauth2(token(learner, "learner", null)).queryParam("credential", "NOPE").get(SUMMARY, learner)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("credential"));
    }
}
