package org.recert.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import biweekly.Biweekly;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recert.notifications.service.ReminderSweep;

/**
 * Reminders in the learner's language: the one they chose, else the locale of their sign-in, else English; mail (read
 * over IMAP), in-app feed and calendar alike, worded from the codes of compliance.status.v1, old-shape events included.
 */
@QuarkusTest
class RemindersInTheLearnersLanguageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final LocalDate CYCLE_START = LocalDate.of(2026, 1, 31);
    private static final LocalDate DUE = LocalDate.of(2031, 1, 31);
    private static final List<Integer> OFFSETS = List.of(180, 90, 30, 14, 7, 1);

    @Inject
    TravellingClock clock;

    @Inject
    ReminderSweep sweep;

    @AfterEach
    void resetClock() {
        clock.backToNow();
    }

    @Test
    void shouldRemindInTheLanguageOfTheSignInUntilTheLearnerChoosesAnother() {
        String learner = StatusEvents.unique("lucia");
        String email = learner + "@example.org";
        String token = Tokens.learner(learner, email, "es-MX");
        clock.travelTo(DUE.minusDays(200));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("emailEnabled", true, "offsets", OFFSETS))
                .when().put("/api/v1/notifications/me/preferences")
                .then().statusCode(200).body("language", org.hamcrest.Matchers.equalTo("es"))
                .body("chosenLanguage", org.hamcrest.Matchers.nullValue());
        StatusEvents.publish(learner, StatusEvents.statusWithKinds(learner, "NO_CERTIFICATION", "ON_TRACK", DUE.minusDays(200),
                CYCLE_START, DUE, null, 6));

        clock.travelTo(DUE.minusDays(179));
        await().atMost(PATIENCE).untilAsserted(() -> {
            sweep.sweep();
            assertThat(ReminderJourneyTest.kinds(learner)).containsExactly("DUE_180");
        });
        await().atMost(PATIENCE).until(() -> Mailbox.of(email).size() == 1);
        Mailbox.Received mail = Mailbox.of(email).get(0);
        assertThat(mail.subject()).isEqualTo("CMA (AAMA): quedan 179 días para recertificarse");
        assertThat(mail.text()).contains("Debe actuar a más tardar el " + DUE + " para conservar su CMA (AAMA).")
                .contains("Lo que falta:").contains("- 6 puntos clínicos más (4 de 10)").contains("- 6 puntos más en total (54 de 60)")
                .contains("Vea su plan: ").contains("Darse de baja: http").doesNotContain("Unsubscribe");
        assertThat(mail.html()).contains("<html lang=\"es\">").contains("<li>6 puntos clínicos más (4 de 10)</li>")
                .contains("Darse de baja de estos correos</a>");
        assertThat(mail.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(ReminderJourneyTest.sent(learner).get(0)).containsEntry("language", "es")
                .containsEntry("subject", "CMA (AAMA): quedan 179 días para recertificarse");

        Map<String, Object> item = feed(token).get(0);
        assertThat(item).containsEntry("subject", "CMA (AAMA): quedan 179 días para recertificarse")
                .containsEntry("missing", List.of("6 puntos más en total (54 de 60)", "6 puntos clínicos más (4 de 10)"));
        String calendar = given().when().get(URI.create(given().auth().oauth2(token).when().get("/api/v1/notifications/me/calendar")
                .then().statusCode(200).extract().<String>path("url")).getPath()).then().statusCode(200).extract().asString();
        assertThat(Biweekly.parse(calendar).first().getEvents()).extracting(event -> event.getSummary().getValue())
                .contains("CMA_AAMA: vence la certificación");

        // the learner's own choice wins over the sign-in, and the same reminder reads in it
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("emailEnabled", true, "offsets", OFFSETS, "language", "en"))
                .when().put("/api/v1/notifications/me/preferences")
                .then().statusCode(200).body("language", org.hamcrest.Matchers.equalTo("en"))
                .body("chosenLanguage", org.hamcrest.Matchers.equalTo("en"));
        assertThat(feed(token).get(0)).containsEntry("subject", "CMA (AAMA): 179 days left to recertify")
                .containsEntry("missing", List.of("6 more points in all (54 of 60)", "6 more clinical points (4 of 10)"));
    }

    @Test
    void shouldWordAnEventOfTheOldShapeFromItsRequirementCodes() {
        String english = StatusEvents.unique("old-en");
        String spanish = StatusEvents.unique("old-es");
        LocalDate today = DUE.minusDays(200);
        clock.travelTo(today);
        for (String learner : List.of(english, spanish)) {
            String token = english.equals(learner) ? Tokens.learner(learner, learner + "@example.org")
                    : Tokens.learner(learner, learner + "@example.org", "es");
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("emailEnabled", true, "offsets", OFFSETS))
                    .when().put("/api/v1/notifications/me/preferences").then().statusCode(200);
            // no kind, no category: the shape compliance published before
            String event = StatusEvents.status(learner, "ON_TRACK", "AT_RISK", today, CYCLE_START, DUE, null, 3);
            assertThat(event).doesNotContain("\"kind\"");
            StatusEvents.publish(learner, event);
        }

        await().atMost(PATIENCE).until(() -> Mailbox.of(english + "@example.org").size() == 1);
        Mailbox.Received inEnglish = Mailbox.of(english + "@example.org").get(0);
        assertThat(inEnglish.subject()).isEqualTo("CMA (AAMA): your certification is at risk");
        assertThat(inEnglish.text()).contains("Your CMA (AAMA) is due on " + DUE).contains("- 3 more clinical points (7 of 10)")
                .contains("- 3 more points in all (57 of 60)").contains("Unsubscribe: http");
        await().atMost(PATIENCE).until(() -> Mailbox.of(spanish + "@example.org").size() == 1);
        assertThat(Mailbox.of(spanish + "@example.org").get(0).text()).contains("- 3 puntos clínicos más (7 de 10)");
    }

    private static List<Map<String, Object>> feed(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/notifications/me?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
