package org.recert.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.inject.Inject;

import com.icegreen.greenmail.util.GreenMail;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recert.notifications.service.MailDelivery;
import org.recert.notifications.service.ReminderSweep;

/**
 * A learner's reminders from real compliance.status.v1 events on the real Kafka, mailed through a real SMTP server and
 * read back over IMAP, with the service's clock moved by the test.
 */
@QuarkusTest
class ReminderJourneyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final LocalDate CYCLE_START = LocalDate.of(2026, 1, 31);
    private static final LocalDate DUE = LocalDate.of(2031, 1, 31);

    @Inject
    TravellingClock clock;

    @Inject
    ReminderSweep sweep;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MailDelivery delivery;

    GreenMail mailServer;

    @AfterEach
    void resetClock() {
        clock.backToNow();
    }

    @Test
    void shouldRemindOncePerOffsetAndStatusSayingWhatIsMissing() {
        String learner = StatusEvents.unique("maria");
        String email = learner + "@example.org";
        clock.travelTo(DUE.minusDays(200));
        savePreferences(learner, email, true);
        String onTrack = StatusEvents.status(learner, "NO_CERTIFICATION", "ON_TRACK", DUE.minusDays(200), CYCLE_START, DUE, null, 6);
        String firstId = StatusEvents.publish(learner, onTrack);

        clock.travelTo(DUE.minusDays(179));
        await().atMost(PATIENCE).untilAsserted(() -> {
            sweep.sweep();
            assertThat(kinds(learner)).containsExactly("DUE_180");
        });
        // every retry, restart and replay meets the same unique key
        sweep.sweep();
        sweep.sweep();
        StatusEvents.publish(learner, onTrack, firstId);
        StatusEvents.publish(learner, onTrack);
        await().atMost(PATIENCE).until(() -> Mailbox.of(email).size() == 1);
        Mailbox.Received first = Mailbox.of(email).get(0);
        assertThat(first.subject()).isEqualTo("CMA (AAMA): 179 days left to recertify");
        assertThat(first.text()).contains("You must act by " + DUE).contains("6 more clinical points (4 of 10)")
                .contains("6 more points in all (54 of 60)").contains("/plan?credential=CMA_AAMA");
        assertThat(first.html()).contains("<li>6 more clinical points (4 of 10)</li>");
        assertThat(first.listUnsubscribe()).matches("<https?://[^>]+/api/v1/notifications/unsubscribe\\?token=[^>]+>");
        assertThat(first.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");

        // time jumps to 30 days before: one reminder (the 30-day one), not every offset skipped over
        clock.travelTo(DUE.minusDays(30));
        sweep.sweep();
        sweep.sweep();
        assertThat(kinds(learner)).containsExactly("DUE_30", "DUE_180");
        String atRisk = StatusEvents.status(learner, "ON_TRACK", "AT_RISK", DUE.minusDays(30), CYCLE_START, DUE, null, 6);
        StatusEvents.publish(learner, atRisk);
        StatusEvents.publish(learner, atRisk);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kinds(learner)).containsExactly("AT_RISK", "DUE_30", "DUE_180"));
        await().atMost(PATIENCE).until(() -> Mailbox.of(email).size() == 3);
        assertThat(Mailbox.of(email)).extracting(Mailbox.Received::subject).contains("CMA (AAMA): your certification is at risk");

        // one click, no sign-in: no more mail, but the in-app feed goes on
        URI unsubscribe = URI.create(first.listUnsubscribe().substring(1, first.listUnsubscribe().length() - 1));
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post(unsubscribe.getPath() + "?" + unsubscribe.getRawQuery())
                .then().statusCode(200);
        clock.travelTo(DUE.minusDays(7));
        sweep.sweep();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner).get(0))
                .containsEntry("kind", "DUE_7").containsEntry("emailState", "SKIPPED"));
        assertThat(Mailbox.of(email)).hasSize(3);

        // past due: grace, with the last day; then a renewed cycle stops the old cycle's schedule
        String grace = StatusEvents.status(learner, "AT_RISK", "GRACE", DUE.plusDays(1), CYCLE_START, DUE, null, 6);
        StatusEvents.publish(learner, grace);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(learner).get(0))
                .containsEntry("kind", "GRACE").containsEntry("subject", "CMA (AAMA) is past due: last day " + DUE.plusDays(90)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner).get(0))
                .containsEntry("kind", "GRACE").containsEntry("emailState", "SKIPPED"));
        // mail back on: the newest reminder, the one she missed, goes out at once (the older skipped one stays skipped)
        savePreferences(learner, email, true);
        await().atMost(PATIENCE).until(() -> Mailbox.of(email).size() == 4);
        assertThat(Mailbox.of(email).get(3).subject()).isEqualTo("CMA (AAMA) is past due: last day " + DUE.plusDays(90));
        LocalDate renewed = DUE.plusDays(20);
        LocalDate nextDue = LocalDate.of(2036, 2, 29);
        clock.travelTo(renewed);
        StatusEvents.publish(learner, StatusEvents.status(learner, "GRACE", "COMPLIANT", renewed, renewed, nextDue, nextDue.minusDays(60), 0));
        await().atMost(PATIENCE).until(() -> Mailbox.of(email).size() == 5);
        assertThat(Mailbox.of(email).get(4).subject()).isEqualTo("CMA (AAMA): congratulations, you meet the requirements");
        assertThat(Mailbox.of(email).get(4).text()).contains("Apply for recertification by " + nextDue.minusDays(60));
        assertThat(sent(learner)).filteredOn(row -> "DUE_7".equals(row.get("kind"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("emailState", "SKIPPED"));
        clock.travelTo(DUE.minusDays(1));
        sweep.sweep();
        assertThat(kinds(learner)).containsExactly("COMPLIANT", "GRACE", "DUE_7", "AT_RISK", "DUE_30", "DUE_180");
    }

    @Test
    void shouldShowWhatIsMissingNowAndMailTheNewestReminderOnceMailIsTurnedOn() {
        String learner = StatusEvents.unique("demo");
        String email = learner + "@example.org";
        LocalDate today = DUE.minusDays(116);
        clock.travelTo(today);
        // certified before her credits arrive (the demo's order): at risk, nothing clinical earned yet, and no address
        StatusEvents.publish(learner, StatusEvents.statusWithKinds(learner, "NO_CERTIFICATION", "AT_RISK", today, CYCLE_START, DUE, null, 10));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner)).extracting(row -> row.get("emailState"))
                .containsExactly("SKIPPED", "SKIPPED"));
        // her credits arrive: the same status, a new standing
        StatusEvents.publish(learner, StatusEvents.statusWithKinds(learner, "AT_RISK", "AT_RISK", today, CYCLE_START, DUE, null, 4));
        List<String> missingNow = List.of("4 more points in all (56 of 60)", "4 more clinical points (6 of 10)");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(learner)).extracting(item -> item.get("missing"))
                .containsExactly(missingNow, missingNow));
        assertThat(kinds(learner)).containsExactly("DUE_180", "AT_RISK");

        savePreferences(learner, email, true);
        await().atMost(PATIENCE).until(() -> Mailbox.of(email).size() == 1);
        assertThat(Mailbox.of(email).get(0).subject()).isEqualTo("CMA (AAMA): 116 days left to recertify");
        assertThat(Mailbox.of(email).get(0).text()).contains("- 4 more clinical points (6 of 10)").doesNotContain("0 of 10");
        // saving again, mail already on, sends nothing more
        savePreferences(learner, email, true);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner)).extracting(row -> row.get("emailState"))
                .containsExactly("SENT", "SKIPPED"));
        assertThat(Mailbox.of(email)).hasSize(1);
    }

    @Test
    void shouldCountBackFromTheApplyByDateWhenTheStatusGivesOne() {
        String learner = StatusEvents.unique("ana");
        LocalDate applyBy = DUE.minusDays(60);
        clock.travelTo(applyBy.minusDays(14));
        String onTrack = StatusEvents.status(learner, "NO_CERTIFICATION", "ON_TRACK", applyBy.minusDays(14), CYCLE_START, DUE, applyBy, 2);
        StatusEvents.publish(learner, onTrack);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feed(learner)).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("kind", "DUE_14").containsEntry("actBy", applyBy.toString())));
        // no address was ever given: the reminder stays in the feed, its mail is skipped with the reason
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner).get(0)).containsEntry("emailState", "SKIPPED")
                .containsEntry("emailNote", "no email address: the learner has not set their preferences"));
    }

    @Test
    void shouldRetryAFailedSendWithBackoffAndNeverLoseIt() {
        String learner = StatusEvents.unique("lee");
        String email = learner + "@example.org";
        LocalDate today = DUE.minusDays(200);
        clock.travelTo(today);
        savePreferences(learner, email, true);
        mailServer.stop();
        try {
            StatusEvents.publish(learner, StatusEvents.status(learner, "ON_TRACK", "AT_RISK", today, CYCLE_START, DUE, null, 3));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner).get(0))
                    .containsEntry("emailState", "PENDING").containsEntry("attempts", 1));
        } finally {
            mailServer.start();
        }
        // the clock has not moved past the backoff: the worker leaves it alone
        assertThat(sent(learner).get(0)).containsEntry("attempts", 1).containsEntry("emailState", "PENDING");
        // a day later it is retried; should the restarted server not answer a send, that send fails within
        // quarkus.mailer.timeout and waits its backoff, so each look moves the clock on a day rather than hang
        AtomicInteger days = new AtomicInteger();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            clock.travelTo(today.plusDays(days.incrementAndGet()));
            assertThat(sent(learner).get(0)).containsEntry("emailState", "SENT").containsEntry("emailTo", email);
        });
        assertThat(Mailbox.of(email)).singleElement().extracting(Mailbox.Received::subject)
                .isEqualTo("CMA (AAMA): your certification is at risk");
        assertThat(preferences(learner)).as("a server down is not the address's fault").containsEntry("emailRefusedAt", null);
    }

    @Test
    void shouldSayTheDaysLeftOnTheDayTheMailGoesNotTheDayItWasDecided() {
        String learner = mailingLearner("kim", DUE.minusDays(30));
        String email = learner + "@example.org";
        MailServer.refuse(email, "450 4.2.1 mailbox busy, try again later");
        try {
            StatusEvents.publish(learner, StatusEvents.status(learner, "NO_CERTIFICATION", "ON_TRACK", DUE.minusDays(30), CYCLE_START, DUE, null, 3));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner)).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("kind", "DUE_30").containsEntry("attempts", 1)));
        } finally {
            MailServer.accept(email);
        }
        // retried four days later: it says 26 days, not the 30 it was decided with, under a Message-ID of its own row
        clock.travelTo(DUE.minusDays(26));
        await().atMost(PATIENCE).until(() -> Mailbox.of(email).size() == 1);
        Mailbox.Received late = Mailbox.of(email).get(0);
        assertThat(late.subject()).isEqualTo("CMA (AAMA): 26 days left to recertify");
        Map<String, Object> row = sent(learner).get(0);
        assertThat(row).containsEntry("subject", "CMA (AAMA): 26 days left to recertify");
        assertThat(late.messageId()).matches("<reminder\\." + row.get("id") + "\\.\\d+@recert\\.example>");

        // the 14-day reminder still waiting on the day of the 7-day one: it gives way, the 7-day one goes with its count
        clock.travelTo(DUE.minusDays(14));
        MailServer.refuse(email, "450 4.2.1 mailbox busy, try again later");
        try {
            sweep.sweep();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner).get(0))
                    .containsEntry("kind", "DUE_14").containsEntry("attempts", 1));
        } finally {
            MailServer.accept(email);
        }
        clock.travelTo(DUE.minusDays(7));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner).get(0)).containsEntry("kind", "DUE_14")
                .containsEntry("emailState", "SKIPPED").containsEntry("emailNote", "superseded by DUE_7, the reminder due today"));
        sweep.sweep();
        await().atMost(PATIENCE).until(() -> Mailbox.of(email).size() == 2);
        assertThat(Mailbox.of(email).get(1).subject()).isEqualTo("CMA (AAMA): 7 days left to recertify");

        // the 1-day reminder, held until after the date: superseded, not mailed as "N days left"
        clock.travelTo(DUE.minusDays(1));
        MailServer.refuse(email, "450 4.2.1 mailbox busy, try again later");
        try {
            sweep.sweep();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner).get(0))
                    .containsEntry("kind", "DUE_1").containsEntry("attempts", 1).containsEntry("emailState", "PENDING"));
        } finally {
            MailServer.accept(email);
        }
        clock.travelTo(DUE.plusDays(2));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner).get(0)).containsEntry("emailState", "SKIPPED")
                .containsEntry("emailNote", "no longer due: its act-by date " + DUE + " passed before it could be sent"));
        assertThat(Mailbox.of(email)).hasSize(2);
    }

    @Test
    void shouldHoldMailToAnAddressRefusedForGoodUntilTheLearnerGivesAnother() {
        LocalDate today = DUE.minusDays(200);
        String learner = mailingLearner("sam", today);
        String refused = learner + "@example.org";
        String corrected = learner + "@example.net";
        MailServer.refuse(refused, "550 5.1.1 <" + refused + ">: mailbox unavailable");
        try {
            StatusEvents.publish(learner, StatusEvents.status(learner, "ON_TRACK", "AT_RISK", today, CYCLE_START, DUE, null, 3));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner)).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("emailState", "PENDING").containsEntry("attempts", 1)));
            assertThat((String) sent(learner).get(0).get("emailNote")).contains("550 5.1.1");
            Map<String, Object> marked = preferences(learner);
            assertThat(marked).containsEntry("emailRefusalPermanent", true);
            assertThat((String) marked.get("emailRefusal")).contains("550 5.1.1");

            // days pass, every backoff with them: the refused address is not tried again, the reminder is kept
            clock.travelTo(today.plusDays(30));
            delivery.deliverBatch();
            assertThat(sent(learner).get(0)).containsEntry("emailState", "PENDING").containsEntry("attempts", 1);
        } finally {
            MailServer.accept(refused);
        }
        // a new address clears the mark and the held reminder goes to it
        savePreferences(learner, corrected, true);
        await().atMost(PATIENCE).until(() -> Mailbox.of(corrected).size() == 1);
        assertThat(sent(learner).get(0)).containsEntry("emailState", "SENT").containsEntry("emailTo", corrected);
        assertThat(preferences(learner)).containsEntry("emailRefusalPermanent", false).containsEntry("emailRefusedAt", null);
    }

    @Test
    void shouldMarkAFailingAddressHoldTheLearnersOtherMailAndRetryAllOnceSavedAgain() {
        String learner = StatusEvents.unique("rey");
        String email = learner + "@example.org";
        LocalDate today = DUE.minusDays(20);
        clock.travelTo(today);
        savePreferences(learner, email, true);
        MailServer.refuse(email, "450 4.2.1 mailbox busy, try again later");
        try {
            // at risk 20 days before: the AT_RISK and the 30-day reminder; the first failure holds the second
            StatusEvents.publish(learner, StatusEvents.status(learner, "ON_TRACK", "AT_RISK", today, CYCLE_START, DUE, null, 3));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner)).extracting(row -> row.get("attempts"))
                    .containsExactlyInAnyOrder(1, 0));
            Map<String, Object> marked = preferences(learner);
            assertThat(marked.get("emailRefusedAt")).isNotNull();
            assertThat((String) marked.get("emailRefusal")).contains("450 4.2.1");
            assertThat(marked).containsEntry("emailRefusalPermanent", false);
        } finally {
            MailServer.accept(email);
        }
        // the clock stands still: no retry is due, and nothing goes out
        assertThat(sent(learner)).extracting(row -> row.get("emailState")).containsOnly("PENDING");
        // saving again (a corrected address, say) clears the mark and sends both at once
        savePreferences(learner, email, true);
        await().atMost(PATIENCE).until(() -> Mailbox.of(email).size() == 2);
        assertThat(sent(learner)).extracting(row -> row.get("emailState")).containsOnly("SENT");
        assertThat(preferences(learner)).containsEntry("emailRefusedAt", null).containsEntry("emailRefusal", null);
    }

    @Test
    void shouldDecideAnUnchangedStatusAgainOnALaterDayWithoutTheSweep() {
        String learner = StatusEvents.unique("ines");
        clock.travelTo(DUE.minusDays(185));
        StatusEvents.publish(learner, StatusEvents.status(learner, "NO_CERTIFICATION", "ON_TRACK", DUE.minusDays(185), CYCLE_START, DUE, null, 3));
        await().atMost(PATIENCE).until(() -> projected(learner));
        assertThat(kinds(learner)).isEmpty();

        // the same inputs, a day that makes the 180-day reminder due: the event decides it, not only the next sweep
        clock.travelTo(DUE.minusDays(180));
        StatusEvents.publish(learner, StatusEvents.status(learner, "ON_TRACK", "ON_TRACK", DUE.minusDays(182), CYCLE_START, DUE, null, 3));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kinds(learner)).containsExactly("DUE_180"));
    }

    private boolean projected(String learner) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select 1 from learner_status where learner_id = ?")) {
            query.setString(1, learner);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Test
    void shouldSweepOnOneReplicaAtATime() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + ReminderSweep.LOCK_KEY + ")");
            }
            assertThat(sweep.sweep()).isEqualTo(-1);
            other.rollback();
        }
        assertThat(sweep.sweep()).isNotNegative();
    }

    /** A new learner who, on {@code today}, turns on mail to their address, the learner's id at example.org. */
    private String mailingLearner(String name, LocalDate today) {
        String learner = StatusEvents.unique(name);
        clock.travelTo(today);
        savePreferences(learner, learner + "@example.org", true);
        return learner;
    }

    static void savePreferences(String learner, String email, boolean emailEnabled) {
        given().auth().oauth2(Tokens.learner(learner, email)).contentType(ContentType.JSON)
                .body(Map.of("emailEnabled", emailEnabled, "offsets", List.of(180, 90, 30, 14, 7, 1), "language", "en"))
                .when().put("/api/v1/notifications/me/preferences")
                .then().statusCode(200);
    }

    static Map<String, Object> preferences(String learner) {
        return given().auth().oauth2(Tokens.learner(learner, learner + "@example.org"))
                .when().get("/api/v1/notifications/me/preferences")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    static List<Map<String, Object>> feed(String learner) {
        return given().auth().oauth2(Tokens.learner(learner, learner + "@example.org"))
                .when().get("/api/v1/notifications/me?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static List<String> kinds(String learner) {
        return feed(learner).stream().map(item -> (String) item.get("kind")).toList();
    }

    static List<Map<String, Object>> sent(String learner) {
        return given().auth().oauth2(Tokens.admin())
                .when().get("/api/v1/notifications/admin/sent?learnerId=" + learner)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
