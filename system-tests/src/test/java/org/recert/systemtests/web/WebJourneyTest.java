package org.recert.systemtests.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.recert.devstack.KeycloakServer;
import org.recert.devstack.Suite;
import org.recert.systemtests.SuiteExtension;

/**
 * The web app in a real browser against the whole suite and a real Keycloak: people sign in on Keycloak's own login
 * page, use the pages, and sign out; every page passes axe-core and fits a 375 px phone.
 */
@ExtendWith(SuiteExtension.class)
class WebJourneyTest {

    private static final String CARE_CLINIC = "22222222-2222-4222-8222-222222222222";
    private static final String DEMO_PROVIDER = "11111111-1111-4111-8111-111111111111";
    private static final String TOTAL = "label[for='req-CMA_AAMA-TOTAL']";

    private final Suite suite;

    WebJourneyTest(Suite suite) {
        this.suite = suite;
    }

    @Test
    void learnerSignsInFixesAFieldErrorRecordsACreditAndSeesHerStandingChangeThenSignsOut() {
        try (Browser browser = Browser.start()) {
            browser.signIn(suite.webUrl() + "/", "maria", KeycloakServer.DEMO_PASSWORD);
            assertThat(browser.mainText()).contains("Hello, Maria Lopez");
            String totalBefore = browser.find(TOTAL).getText();
            assertThat(browser.find("h2#cred-CMA_AAMA").getText()).as("the credential by its name").isEqualTo("CMA (AAMA)");
            assertThat(browser.has("#reminders")).as("the reminders' part of the dashboard").isTrue();
            browser.check("dashboard");
            browser.open(suite.webUrl() + "/plan");
            String missingBefore = browser.find("#missing").getText();

            browser.open(suite.webUrl() + "/credits/new");
            browser.check("record-credit");
            browser.type("title", "Infection control update (web)");
            browser.type("providerName", "AAMA e-Learning Center");
            browser.setValue("completedOn", LocalDate.now().minusDays(20).toString());
            browser.find("#unit-AAMA_CEU").click();
            browser.type("amount", "-2");
            browser.type("contactMinutes", "100");
            browser.submit("form[action='/credits']");

            // refused by the API, shown beside the field, with what was typed kept
            assertThat(browser.find("#amount-error").getText()).isNotBlank();
            assertThat(browser.find("#amount").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Infection control update (web)");
            browser.check("record-credit-errors");

            browser.type("amount", "2");
            browser.submit("form[action='/credits']");
            assertThat(browser.currentUrl()).contains("/credits?recorded=");
            assertThat(browser.mainText()).contains("Infection control update (web)");
            browser.check("credits");

            // the status follows the ledger through Kafka: the dashboard shows two more points soon
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.open(suite.webUrl() + "/");
                assertThat(browser.find(TOTAL).getText()).isNotEqualTo(totalBefore);
            });
            assertThat(earned(browser.find(TOTAL).getText())).isEqualTo(earned(totalBefore) + 2);

            // and the plan: two points fewer to find
            browser.open(suite.webUrl() + "/plan");
            assertThat(browser.mainText()).contains("Now:");
            assertThat(browser.find("#missing").getText()).isNotEqualTo(missingBefore);
            assertThat(missing(browser.find("#missing").getText(), "Total")).isEqualTo(missing(missingBefore, "Total") - 2);
            browser.check("plan");

            // the credit's history: corrected (a new version with its reason), then revoked after a refusal
            browser.open(suite.webUrl() + "/credits");
            browser.follow("Infection control update (web)");
            browser.type("amount", "3");
            browser.type("contactMinutes", "180");
            browser.type("reason", "The certificate shows 3 CEUs");
            browser.submit("form#correct");
            assertThat(browser.currentUrl()).contains("/credits?done=corrected");
            assertThat(browser.find("#credits").getText()).contains("Corrected (version 2)", "The certificate shows 3 CEUs");
            browser.follow("Infection control update (web)");
            assertThat(browser.all("#history li")).hasSize(2);
            browser.check("credit-history");
            browser.submit("form#revoke");
            assertThat(browser.find("#revokeReason-error").getText()).isNotBlank();
            browser.type("revokeReason", "Entered twice");
            browser.submit("form#revoke");
            assertThat(browser.find("#credits").getText()).contains("Revoked", "Entered twice");
            browser.open(suite.webUrl() + "/catalog");
            assertThat(browser.all("ul.courses li.card")).isNotEmpty();
            browser.check("catalog");
            browser.find("ul.courses li.card h2 a").click();
            assertThat(browser.find("#quality").isDisplayed()).isTrue();
            assertThat(browser.all("ul.findings li")).hasSize(6);
            browser.check("course");

            signOut(browser);
        }
    }

    @Test
    void learnerWithdrawsAndGrantsConsentReadsHerRemindersAndMeetsAPartialPageWhenTheirServiceIsDown() {
        try (Browser browser = Browser.start()) {
            browser.signIn(suite.webUrl() + "/consents", "maria", KeycloakServer.DEMO_PASSWORD);
            browser.open(suite.webUrl() + "/consents");
            browser.check("consents");
            browser.submit("form[action='/consents/" + CARE_CLINIC + "/withdraw']");
            assertThat(browser.mainText()).contains("Consent withdrawn.");
            assertThat(consentOf("maria")).isNotEqualTo("GRANTED");
            browser.type("organizationId", CARE_CLINIC);
            browser.submit("form[action='/consents']");
            assertThat(browser.mainText()).contains("Consent granted.");
            assertThat(browser.has("form[action='/consents/" + CARE_CLINIC + "/withdraw']")).isTrue();
            assertThat(consentOf("maria")).isEqualTo("GRANTED");

            browser.open(suite.webUrl() + "/reminders");
            assertThat(browser.find("#reminders").getText()).doesNotContain("unavailable");
            browser.check("reminders");

            // notification-service down: the dashboard still shows the status, its reminders' part says so plainly
            suite.stopService("notifications");
            try {
                browser.open(suite.webUrl() + "/");
                assertThat(browser.find("#reminders .unavailable").getText()).contains("Your reminders are unavailable just now");
                assertThat(browser.find(TOTAL).getText()).contains("points");
                browser.check("dashboard-partial");
            } finally {
                suite.startService("notifications");
            }
        }
    }

    @Test
    void curatorCreatesACourseFixingAFieldErrorSeesTheQualityReviewChangeAndPublishesIt() {
        try (Browser browser = Browser.start()) {
            browser.signIn(suite.webUrl() + "/", "cora", KeycloakServer.DEMO_PASSWORD);
            assertThat(browser.currentUrl()).endsWith("/courses");
            browser.check("courses");
            browser.follow("Create a course");
            browser.choose("providerId", DEMO_PROVIDER);
            browser.type("description", "Hand hygiene, gloves and sharps: what changed this year.");
            browser.type("amount", "2");
            browser.choose("unit", "CONTACT_HOUR");
            browser.type("contactMinutes", "120");
            browser.type("feeAmount", "20");
            browser.type("rationale", "Infections spread in clinics through hands and sharps.");
            browser.type("learningOutcomes", "Choose the right gloves\nDispose of sharps safely");
            browser.type("instructorCredentials", "Dana Reyes, CMA (AAMA)");
            browser.type("instructionalMethods", "slides\npost-test");
            browser.submit("form#course-form");
            assertThat(browser.find("#title-error").getText()).as("the title is required, beside its field").isNotBlank();
            browser.check("course-errors");

            String title = "Infection prevention (web " + System.nanoTime() + ")";
            browser.type("title", title);
            browser.submit("form#course-form");
            assertThat(browser.currentUrl()).as(browser.mainText()).contains("done=created");
            assertThat(browser.all("#review ul.findings li")).hasSize(6);
            String scoreBefore = browser.find("#score").getText();
            assertThat(browser.find("#review").getText()).contains("Refund policy: not met");

            // saved by htmx: the review beside the form follows the change without leaving the page
            browser.type("refundPolicy", "Full refund within 14 days if the post-test was not taken.");
            browser.submit("form#course-form");
            browser.await(d -> !d.findElement(org.openqa.selenium.By.id("score")).getText().equals(scoreBefore));
            assertThat(browser.find("#review").getText()).contains("Refund policy: met");
            assertThat(browser.mainText()).contains("Course saved.");
            browser.check("course-editor");

            browser.submit("form#publish");
            assertThat(browser.mainText()).contains("Course published.");
            assertThat(browser.has("form#retire")).isTrue();
            signOut(browser);
        }
    }

    @Test
    void employerSeesExactlyTheMembersWhoConsentedWithAStatus() {
        String employer = suite.token("hr-carla", Set.of("employer"), CARE_CLINIC, null);
        JsonPath roster = given().auth().oauth2(employer)
                .get(suite.gatewayUrl() + "/api/v1/compliance/organizations/" + CARE_CLINIC + "/roster?limit=500")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> members = roster.getList("items");
        Set<String> consenting = members.stream().filter(m -> "GRANTED".equals(m.get("consent")))
                .map(m -> (String) m.get("learnerId")).collect(Collectors.toSet());

        try (Browser browser = Browser.start()) {
            browser.signIn(suite.webUrl() + "/", "hr-carla", KeycloakServer.DEMO_PASSWORD);
            assertThat(browser.currentUrl()).endsWith("/roster");
            List<WebElement> rows = browser.all("#roster tbody tr");
            Set<String> shownWithStatus = rows.stream().filter(row -> !row.findElements(
                            org.openqa.selenium.By.cssSelector("span.status")).isEmpty())
                    .map(row -> row.findElement(org.openqa.selenium.By.cssSelector("td")).getText())
                    .collect(Collectors.toSet());
            assertThat(shownWithStatus).isEqualTo(consenting);
            browser.check("roster");

            // the bulk check answers a status for exactly the consenting ones, "not visible" for every other id
            browser.open(suite.webUrl() + "/roster/check");
            browser.type("ids", "maria\njames\nnobody-here");
            browser.submit("form#check-form");
            List<WebElement> results = browser.all("#check-results tbody tr");
            assertThat(results).hasSize(3);
            Set<String> checkedWithStatus = results.stream().filter(row -> !row.findElements(
                            org.openqa.selenium.By.cssSelector("span.status")).isEmpty())
                    .map(row -> row.findElement(org.openqa.selenium.By.cssSelector("td")).getText())
                    .collect(Collectors.toSet());
            assertThat(checkedWithStatus).isEqualTo(consenting.stream()
                    .filter(Set.of("maria", "james", "nobody-here")::contains).collect(Collectors.toSet()));
            browser.check("bulk-check");

            // a webhook: a wrong address refused beside its field, then subscribed with its secret shown once
            browser.open(suite.webUrl() + "/webhooks");
            browser.type("url", "ftp://hooks.example.com/recert");
            browser.submit("form#subscribe");
            assertThat(browser.find("#url-error").getText()).contains("http");
            browser.type("url", "http://127.0.0.1:9/recert-web-test");
            browser.submit("form#subscribe");
            assertThat(browser.find("#created .secret").getText()).startsWith("whsec_");
            browser.check("webhooks");
            // maria withdraws her consent and gives it again: two messages to the (unreachable) receiver, in the log
            String maria = suite.token("maria", Set.of("learner"), null, null);
            given().auth().oauth2(maria).delete(suite.gatewayUrl() + "/api/v1/compliance/learners/maria/consents/" + CARE_CLINIC)
                    .then().statusCode(204);
            given().auth().oauth2(maria).contentType("application/json").body(Map.of("organizationId", CARE_CLINIC))
                    .post(suite.gatewayUrl() + "/api/v1/compliance/learners/maria/consents").then().statusCode(201);
            browser.follow("http://127.0.0.1:9/recert-web-test");
            String webhookPage = browser.currentUrl();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.open(webhookPage);
                assertThat(browser.find("#deliveries").getText()).contains("compliance.consent.withdrawn", "compliance.consent.granted");
            });
            browser.check("webhook");
            browser.submit("#deliveries form[action$='/replay']");
            assertThat(browser.mainText()).contains("Queued to send again.");
            browser.submit("form[action$='/delete']");
            assertThat(browser.mainText()).contains("Webhook deleted.").doesNotContain("http://127.0.0.1:9/recert-web-test");
            signOut(browser);
        }
    }

    @Test
    void providerUploadsACompletionReportAndReadsEachRowsOutcome() throws Exception {
        String provider = DEMO_PROVIDER;
        String token = suite.token("prov-ann", Set.of("provider"), null, provider);
        List<Map<String, Object>> courses = given().auth().oauth2(token)
                .get(suite.gatewayUrl() + "/api/v1/catalog/courses?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        String course = courses.stream().filter(c -> provider.equals(c.get("providerId"))).map(c -> (String) c.get("id"))
                .findFirst().orElseThrow();
        java.nio.file.Path report = java.nio.file.Files.createTempFile("completions-", ".csv");
        java.nio.file.Files.writeString(report, "rowId,courseId,learnerId,completedOn,certificateNumber\r\n"
                + "web-1," + course + ",james," + LocalDate.now().minusDays(3) + ",C-WEB-1\r\n"
                + "web-2," + course + ",james," + LocalDate.now().plusYears(1) + ",C-WEB-2\r\n");
        java.nio.file.Path json = java.nio.file.Files.createTempFile("completions-", ".json");
        java.nio.file.Files.writeString(json, "[{\"rowId\":\"web-json-1\",\"courseId\":\"" + course + "\",\"learnerId\":\"james\","
                + "\"completedOn\":\"" + LocalDate.now().minusDays(4) + "\",\"certificateNumber\":\"C-WEB-J1\"}]");

        try (Browser browser = Browser.start()) {
            browser.signIn(suite.webUrl() + "/", "prov-ann", KeycloakServer.DEMO_PASSWORD);
            assertThat(browser.currentUrl()).endsWith("/reports");
            browser.check("reports");
            browser.find("#report").sendKeys(report.toAbsolutePath().toString());
            browser.submit("form[action='/reports']");
            assertThat(browser.find("#summary").getText()).contains("2 row(s): 1 recorded", "1 rejected");
            assertThat(browser.all("#rows tbody tr")).hasSize(2);
            assertThat(browser.find("#rows").getText()).contains("completedOn");
            browser.check("report-outcome");

            // the same API takes JSON: one row, recorded
            browser.open(suite.webUrl() + "/reports");
            browser.find("#report").sendKeys(json.toAbsolutePath().toString());
            browser.submit("form[action='/reports']");
            assertThat(browser.find("#summary").getText()).contains("1 row(s): 1 recorded");
        } finally {
            java.nio.file.Files.deleteIfExists(report);
            java.nio.file.Files.deleteIfExists(json);
        }
    }

    /** Sign-out ends the session at Keycloak too: the next visit meets the login page again. */
    private void signOut(Browser browser) {
        browser.submit("form.sign-out");
        assertThat(browser.mainText()).contains("You are signed out");
        browser.open(suite.webUrl() + "/");
        assertThat(browser.has("#username")).as("Keycloak's login page after sign-out").isTrue();
    }

    /** Maria's consent to Care Clinic as the employer's roster shows it. */
    private String consentOf(String learner) {
        String employer = suite.token("hr-carla", Set.of("employer"), CARE_CLINIC, null);
        List<Map<String, Object>> members = given().auth().oauth2(employer)
                .get(suite.gatewayUrl() + "/api/v1/compliance/organizations/" + CARE_CLINIC + "/roster?limit=500")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return members.stream().filter(m -> learner.equals(m.get("learnerId"))).map(m -> String.valueOf(m.get("consent")))
                .findFirst().orElse("NOT_A_MEMBER");
    }

    /** The points still missing of a requirement on the plan page ({@code Total: 12 of 60 points still missing}), 0 if none. */
    private static double missing(String list, String requirement) {
        return list.lines().filter(line -> line.startsWith(requirement + ":")).findFirst()
                .map(line -> Double.parseDouble(line.substring(requirement.length() + 1).trim().split(" ")[0])).orElse(0.0);
    }

    /** The points earned in a requirement's label, {@code Total: 12 of 60 points...}. */
    private static double earned(String label) {
        String afterColon = label.substring(label.indexOf(':') + 1).trim();
        return Double.parseDouble(afterColon.substring(0, afterColon.indexOf(' ')));
    }
}
