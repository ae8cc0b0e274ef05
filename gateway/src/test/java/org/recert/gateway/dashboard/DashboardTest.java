package org.recert.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.AllServicesUp;
import org.recert.gateway.support.FakeServices;
import org.recert.gateway.support.Tokens;
import org.recert.platform.security.DevTokens;

@QuarkusTest
@TestProfile(AllServicesUp.class)
class DashboardTest {

    @Inject
    DevTokens devTokens;

    @Test
    void shouldComposeTheCallersDashboardFromTheServices() {
        given().header("Authorization", Tokens.learner(devTokens, "maria"))
                .when().get("/api/v1/me/dashboard")
                .then().statusCode(200)
                .body("learnerId", equalTo("maria"))
                .body("complete", equalTo(true))
                .body("credentials[0].credential", equalTo("CMA_AAMA"))
                .body("credentials[0].summary.status", equalTo("AT_RISK"))
                .body("credentials[0].summary.dueDate", equalTo("2027-03-31"))
                .body("credentials[0].summary.daysRemaining", equalTo(126))
                .body("credentials[0].summary.shortfall", equalTo(22))
                .body("credentials[0].summary.shortfalls.code", equalTo(java.util.List.of("TOTAL", "CLINICAL")))
                .body("credentials[0].status.available", equalTo(true))
                .body("credentials[0].status.data.learnerId", equalTo("maria"))
                .body("credentials[0].cheapestPlan.available", equalTo(true))
                .body("credentials[0].cheapestPlan.data.courses[0].courseId", equalTo("k-1"))
                .body("recentCredits.available", equalTo(true))
                .body("recentCredits.data.items[0].learnerId", equalTo("maria"))
                .body("recentCredits.data.items[0].limitAsked", equalTo("5"))
                .body("credentials.credential", equalTo(java.util.List.of("CMA_AAMA", "RMA_AMT")))
                .body("credentials[1].status.data.credential", equalTo("RMA_AMT"))
                .body("suggestedCourses.available", equalTo(true))
                .body("suggestedCourses.data.query", equalTo("free=true&approval=AAMA&limit=3"))
                .body("suggestedCourses.data.items[0].id", equalTo("k-9"));
    }

    @Test
    void shouldShareTheSuggestedCoursesAmongTheDashboardsOfTheNextSecondsInsteadOfSearchingPerView() {
        int searchesBefore = FakeServices.COURSE_SEARCHES.get();
        int first = given().header("Authorization", Tokens.learner(devTokens, "maria")).when().get("/api/v1/me/dashboard")
                .then().statusCode(200).body("suggestedCourses.available", equalTo(true))
                .extract().path("suggestedCourses.data.search");
        int second = given().header("Authorization", Tokens.learner(devTokens, "james")).when().get("/api/v1/me/dashboard")
                .then().statusCode(200).body("suggestedCourses.data.items[0].id", equalTo("k-9"))
                .extract().path("suggestedCourses.data.search");
        assertThat(second).isEqualTo(first);
        assertThat(FakeServices.COURSE_SEARCHES.get() - searchesBefore).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldMarkASlowPartInsteadOfFailingTheDashboard() {
        long started = System.nanoTime();
        given().header("Authorization", Tokens.learner(devTokens, FakeServices.SILENT_LEARNER))
                .when().get("/api/v1/me/dashboard")
                .then().statusCode(200)
                .body("complete", equalTo(false))
                .body("recentCredits.available", equalTo(false))
                .body("recentCredits.reason", containsString("credits did not answer in time"))
                .body("credentials[0].summary.status", equalTo("AT_RISK"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }
}
