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
            browser.check("dashboard");

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

            browser.open(suite.webUrl() + "/plan");
            assertThat(browser.mainText()).contains("Now:");
            browser.check("plan");
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
            signOut(browser);
        }
    }

    @Test
    void providerUploadsACompletionReportAndReadsEachRowsOutcome() throws Exception {
        String provider = "11111111-1111-4111-8111-111111111111";
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
        } finally {
            java.nio.file.Files.deleteIfExists(report);
        }
    }

    /** Sign-out ends the session at Keycloak too: the next visit meets the login page again. */
    private void signOut(Browser browser) {
        browser.submit("form.sign-out");
        assertThat(browser.mainText()).contains("You are signed out");
        browser.open(suite.webUrl() + "/");
        assertThat(browser.has("#username")).as("Keycloak's login page after sign-out").isTrue();
    }

    /** The points earned in a requirement's label, {@code Total: 12 of 60 points...}. */
    private static double earned(String label) {
        String afterColon = label.substring(label.indexOf(':') + 1).trim();
        return Double.parseDouble(afterColon.substring(0, afterColon.indexOf(' ')));
    }
}
