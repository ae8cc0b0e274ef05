package org.recert.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The private calendar feed, read back by an iCalendar library as a phone's calendar would. */
@QuarkusTest
class CalendarFeedTest {

    @Test
    void shouldShowTheDatesAtASecretAddressThatRotates() {
        String learner = StatusEvents.unique("cal");
        LocalDate today = LocalDate.now();
        LocalDate due = today.plusDays(400);
        LocalDate applyBy = due.minusDays(60);
        StatusEvents.publish(learner, StatusEvents.status(learner, "NO_CERTIFICATION", "ON_TRACK", today, today.minusYears(4), due, applyBy, 5));
        String token = Tokens.learner(learner, learner + "@example.org");
        URI address = URI.create(given().auth().oauth2(token).when().get("/api/v1/notifications/me/calendar")
                .then().statusCode(200).extract().path("url"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(address)).containsOnly(
                Map.entry("CMA_AAMA: certification due", due),
                Map.entry("CMA_AAMA: last day to apply for recertification", applyBy),
                Map.entry("CMA_AAMA: last day to recertify by continuing education", due.plusDays(90))));
        given().when().get(address.getPath()).then().contentType(org.hamcrest.Matchers.startsWith("text/calendar"));

        URI rotated = URI.create(given().auth().oauth2(token).when().post("/api/v1/notifications/me/calendar/rotate")
                .then().statusCode(200).extract().path("url"));
        assertThat(rotated).isNotEqualTo(address);
        given().when().get(address.getPath()).then().statusCode(404);
        assertThat(events(rotated)).hasSize(3);
        given().when().get("/api/v1/notifications/me/calendar").then().statusCode(401);
    }

    private static Map<String, LocalDate> events(URI address) {
        String text = given().when().get(address.getPath()).then().statusCode(200).extract().asString();
        ICalendar calendar = Biweekly.parse(text).first();
        return calendar.getEvents().stream().collect(Collectors.toMap(event -> event.getSummary().getValue(),
                CalendarFeedTest::day));
    }

    private static LocalDate day(VEvent event) {
        return event.getDateStart().getValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
