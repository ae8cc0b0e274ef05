package org.recert.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import biweekly.Biweekly;
import biweekly.ICalendar;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/**
 * Issue 17's "done when": a learner goes from ON_TRACK through the 180-, 30- and 7-day reminders, AT_RISK, GRACE and a
 * recorded recertification, reading every mail over IMAP from the suite's mail server, with two notification-service
 * replicas of which one is SIGKILLed on the way; each reminder arrives exactly once. Time moves through the services'
 * movable clocks (RECERT_CLOCK_MOVABLE, which SuiteExtension sets and production refuses): compliance and every
 * notification replica are moved to the same day, and back to the real one at the end.
 */
@ExtendWith(SuiteExtension.class)
class ReminderJourneyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Suite suite;
    private final Api api;

    ReminderJourneyTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
    }

    @Test
    void shouldRemindOnceAtEachStepAcrossAKilledReplicaUntilUnsubscribed() throws Exception {
        // not in Api.LEARNERS: its cycle runs on moved clocks, which the final rebuild comparison does not
        String learner = "remi-" + UUID.randomUUID().toString().substring(0, 8);
        String email = learner + "@example.org";
        String token = suite.learnerToken(learner, email);
        String password = "imap-" + UUID.randomUUID();
        suite.mail().addMailbox(email, password);
        Suite.Replica second = suite.startReplica("notifications");
        List<String> clocks = new ArrayList<>(List.of(suite.serviceUrl("compliance"), suite.serviceUrl("notifications"), second.url()));
        try {
            api.as(token).body(Map.of("emailEnabled", true, "offsets", List.of(180, 90, 30, 14, 7, 1), "language", "en"))
                    .put("/api/v1/notifications/me/preferences").then().statusCode(200);
            // certified 53 months ago: due at the end of the month 7 months ahead, more than 180 days away
            api.certify(learner, Api.today().minusMonths(53));
            JsonPath onTrack = api.awaitStatus(learner, status -> "ON_TRACK".equals(status.getString("status")));
            LocalDate due = LocalDate.parse(onTrack.getString("dueDate"));
            LocalDate graceEnd = LocalDate.parse(onTrack.getString("graceEnd"));
            LocalDate actBy = actBy(onTrack);

            // the calendar feed, read by an iCalendar library as a phone would: due, apply-by and grace end
            String calendar = api.as(token).get("/api/v1/notifications/me/calendar").then().statusCode(200).extract().path("url");
            Map<String, LocalDate> dates = new java.util.HashMap<>(Map.of("CMA_AAMA: certification due", due,
                    "CMA_AAMA: last day to recertify by continuing education", graceEnd));
            if (onTrack.getString("applyBy") != null) {
                dates.put("CMA_AAMA: last day to apply for recertification", actBy);
            }
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(calendarDays(calendar)).isEqualTo(dates));

            moveClocks(clocks, actBy.minusDays(180));
            Mail first = awaitMail(email, password, 1).get(0);
            assertThat(first.subject()).endsWith(": 180 days left to recertify");
            assertReminderMail(first, learner, actBy);
            // a credit makes compliance evaluate her on the moved day: at risk
            api.recordCredit(learner, Api.oneAamaCeu("Front desk safety", "GENERAL"));
            assertThat(awaitMail(email, password, 2).get(1).subject()).endsWith(": your certification is at risk");

            moveClocks(clocks, actBy.minusDays(30));
            // a crash of one replica while the 30-day reminder is being decided and mailed
            second.kill();
            clocks.remove(second.url());
            assertThat(awaitMail(email, password, 3).get(2).subject()).endsWith(": 30 days left to recertify");

            moveClocks(clocks, actBy.minusDays(7));
            Mail seventh = awaitMail(email, password, 4).get(3);
            assertThat(seventh.subject()).endsWith(": 7 days left to recertify");
            assertReminderMail(seventh, learner, actBy);

            moveClocks(clocks, due.plusDays(1));
            api.recordCredit(learner, Api.oneAamaCeu("Phone triage basics", "GENERAL"));
            Mail grace = awaitMail(email, password, 5).get(4);
            assertThat(grace.subject()).endsWith(" is past due: last day " + graceEnd);
            assertThat(grace.text()).contains("until " + graceEnd);

            // she earns what was missing during the grace period, and her recertification is recorded
            for (String category : List.of("ADMINISTRATIVE", "CLINICAL", "GENERAL")) {
                int points = category.equals("GENERAL") ? 18 : 20;
                api.recordCredit(learner, Api.credit("ONLINE_WORKSHOP", category + " review", Api.today().minusMonths(2), points,
                        "AAMA_CEU", category, "AAMA", points * 60));
            }
            Mail congratulations = awaitMail(email, password, 6).get(5);
            assertThat(congratulations.subject()).endsWith(": congratulations, you meet the requirements");
            LocalDate recertified = due.plusDays(2);
            moveClocks(clocks, recertified);
            api.as(api.learnerToken(learner)).body(Map.of("certifiedOn", recertified.toString()))
                    .put("/api/v1/compliance/learners/{id}/certifications/{credential}", learner, Api.CMA).then().statusCode(201);
            JsonPath renewed = api.awaitStatus(learner, status -> recertified.toString().equals(status.getString("certifiedOn")));
            LocalDate nextActBy = actBy(renewed);

            // one click, no sign-in: the next cycle's first reminder is decided, and not mailed
            URI unsubscribe = URI.create(first.listUnsubscribe().substring(1, first.listUnsubscribe().length() - 1));
            given().baseUri(suite.gatewayUrl()).contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                    .post(unsubscribe.getPath() + "?" + unsubscribe.getRawQuery()).then().statusCode(200);
            moveClocks(clocks, nextActBy.minusDays(180));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(sent(learner).get(0))
                    .containsEntry("kind", "DUE_180").containsEntry("emailState", "SKIPPED"));

            // each reminder exactly once, in the feed and in the mailbox, the crash and the replays notwithstanding
            assertThat(sent(learner)).extracting(row -> row.get("kind") + "/" + row.get("emailState")).containsExactly(
                    "DUE_180/SKIPPED", "COMPLIANT/SENT", "GRACE/SENT", "DUE_7/SENT", "DUE_30/SENT", "AT_RISK/SENT", "DUE_180/SENT");
            assertThat(mails(email, password)).extracting(Mail::subject).doesNotHaveDuplicates().hasSize(6);
        } finally {
            resetClocks(clocks);
            second.close();
        }
    }

    private void assertReminderMail(Mail mail, String learner, LocalDate actBy) {
        assertThat(mail.text()).contains("You must act by " + actBy).contains("What is missing:").contains("more points in all");
        assertThat(mail.html()).contains("<li>").contains("more points in all");
        String plan = "/api/v1/compliance/learners/" + learner + "/plan?credential=" + Api.CMA;
        assertThat(mail.text()).contains(plan);
        assertThat(mail.html()).contains(plan);
        assertThat(mail.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.listUnsubscribe()).matches("<http://localhost:\\d+/api/v1/notifications/unsubscribe\\?token=[^>]+>");
        assertThat(mail.text()).contains(mail.listUnsubscribe().substring(1, mail.listUnsubscribe().length() - 1));
        // the plan the mail links to is hers
        api.as(api.learnerToken(learner)).get(plan).then().statusCode(200);
    }

    private static LocalDate actBy(JsonPath status) {
        String applyBy = status.getString("applyBy");
        return LocalDate.parse(applyBy != null ? applyBy : status.getString("dueDate"));
    }

    private List<Map<String, Object>> sent(String learner) {
        return api.as(api.adminToken()).get("/api/v1/notifications/admin/sent?learnerId=" + learner)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Moves every clock to {@code day}, the way only a suite with RECERT_CLOCK_MOVABLE allows. */
    private void moveClocks(List<String> services, LocalDate day) throws Exception {
        for (String service : services) {
            HttpRequest move = HttpRequest.newBuilder(URI.create(service + "/api/v1/dev/clock"))
                    .header("Authorization", "Bearer " + api.adminToken()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"today\":\"" + day + "\"}")).build();
            HttpResponse<String> answer = HTTP.send(move, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("clock of %s: %s", service, answer.body()).isEqualTo(200);
        }
    }

    private void resetClocks(List<String> services) throws Exception {
        moveClocks(services, LocalDate.now(ZoneOffset.UTC));
    }

    private static Map<String, LocalDate> calendarDays(String url) throws Exception {
        HttpResponse<String> feed = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        ICalendar calendar = Biweekly.parse(feed.body()).first();
        return calendar.getEvents().stream().collect(Collectors.toMap(event -> event.getSummary().getValue(),
                event -> LocalDate.of(event.getDateStart().getValue().getRawComponents().getYear(),
                        event.getDateStart().getValue().getRawComponents().getMonth(),
                        event.getDateStart().getValue().getRawComponents().getDate())));
    }

    /** Waits until the mailbox holds {@code count} mails, then checks that no more come in a moment; the mails, oldest first. */
    private List<Mail> awaitMail(String address, String password, int count) throws Exception {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> mails(address, password).size() >= count);
        List<Mail> mails = mails(address, password);
        assertThat(mails).as("mails to %s", address).hasSize(count);
        return mails;
    }

    private List<Mail> mails(String address, String password) throws Exception {
        return Mail.inbox(suite, address, password);
    }
}
