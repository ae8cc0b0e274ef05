package org.recert.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Who may reach what: a learner only their own reminders and choices, admins the record of what was sent, anyone the unsubscribe link. */
@QuarkusTest
class AccessTest {

    @Test
    void shouldKeepEachLearnersRemindersTheirOwn() {
        String owner = StatusEvents.unique("owner");
        String other = StatusEvents.unique("other");
        LocalDate today = LocalDate.now();
        StatusEvents.publish(owner, StatusEvents.status(owner, "ON_TRACK", "AT_RISK", today, today.minusYears(4), today.plusDays(200), null, 5));
        await().atMost(Duration.ofSeconds(30)).until(() -> ReminderJourneyTest.feed(owner).size() == 1);
        int id = (Integer) ReminderJourneyTest.feed(owner).get(0).get("id");

        assertThat(ReminderJourneyTest.feed(other)).isEmpty();
        given().auth().oauth2(Tokens.learner(other, other + "@example.org"))
                .when().post("/api/v1/notifications/me/" + id + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(ReminderJourneyTest.feed(owner).get(0)).containsEntry("read", false);
        given().auth().oauth2(Tokens.learner(owner, owner + "@example.org"))
                .when().post("/api/v1/notifications/me/" + id + "/read")
                .then().statusCode(204);
        assertThat(ReminderJourneyTest.feed(owner).get(0)).containsEntry("read", true);

        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/notifications/admin/sent?learnerId=" + owner)
                .then().statusCode(200).body("items.learnerId", hasItem(owner));
    }

    @Test
    void shouldAnswerOnlyTheRightRoles() {
        given().when().get("/api/v1/notifications/me").then().statusCode(401);
        given().when().get("/api/v1/notifications/me/preferences").then().statusCode(401);
        given().when().get("/api/v1/notifications/admin/sent?learnerId=x").then().statusCode(401);
        given().auth().oauth2(Tokens.learner("nosy", "nosy@example.org"))
                .when().get("/api/v1/notifications/admin/sent?learnerId=someone")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/notifications/me").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/notifications/admin/sent")
                .then().statusCode(400).body("errors[0].field", equalTo("learnerId"));
    }

    @Test
    void shouldKeepTheAddressOfTheTokenAndRejectBadChoices() {
        String learner = StatusEvents.unique("pref");
        given().auth().oauth2(Tokens.learner(learner, learner + "@example.org"))
                .when().get("/api/v1/notifications/me/preferences")
                .then().statusCode(200).body("emailEnabled", equalTo(true)).body("offsets", equalTo(List.of(180, 90, 30, 14, 7, 1)));
        given().auth().oauth2(Tokens.learner(learner, learner + "@example.org")).contentType(ContentType.JSON)
                .body(Map.of("emailEnabled", true, "offsets", List.of(7, 60, 7), "language", "en"))
                .when().put("/api/v1/notifications/me/preferences")
                .then().statusCode(200).body("email", equalTo(learner + "@example.org")).body("offsets", equalTo(List.of(60, 7)));
        given().auth().oauth2(Tokens.learner(learner, learner + "@example.org")).contentType(ContentType.JSON)
                .body(Map.of("emailEnabled", true, "offsets", List.of(0), "language", "en"))
                .when().put("/api/v1/notifications/me/preferences")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", containsString("offsets"));
    }

    @Test
    void shouldTakeTheLanguageOfTheSignInUnlessOneIsChosenAndRefuseOneItDoesNotSpeak() {
        String learner = StatusEvents.unique("lang");
        String token = Tokens.learner(learner, learner + "@example.org", "es_ES");
        given().auth().oauth2(token).when().get("/api/v1/notifications/me/preferences")
                .then().statusCode(200).body("language", equalTo("es")).body("chosenLanguage", nullValue());
        for (String unsupported : List.of("fr", "ES", "español", "e")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("emailEnabled", true, "offsets", List.of(30), "language", unsupported))
                    .when().put("/api/v1/notifications/me/preferences")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("language"));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("emailEnabled", true, "offsets", List.of(30)))
                .when().put("/api/v1/notifications/me/preferences")
                .then().statusCode(200).body("language", equalTo("es")).body("chosenLanguage", nullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("emailEnabled", true, "offsets", List.of(30), "language", "en"))
                .when().put("/api/v1/notifications/me/preferences")
                .then().statusCode(200).body("language", equalTo("en")).body("chosenLanguage", equalTo("en"));
        // a sign-in in a language it does not speak falls back to English
        given().auth().oauth2(Tokens.learner(StatusEvents.unique("lang"), "x@example.org", "fr-CA"))
                .when().get("/api/v1/notifications/me/preferences").then().statusCode(200).body("language", equalTo("en"));
    }

    @Test
    void shouldRefuseAnUnsubscribeLinkItDidNotSign() {
        given().when().post("/api/v1/notifications/unsubscribe?token=bWFyaWE.AAAA")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("token"));
    }
}
