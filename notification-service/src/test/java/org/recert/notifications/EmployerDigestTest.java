package org.recert.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recert.contracts.EventContract;
import org.recert.contracts.RosterEvent;
import org.recert.devstack.test.TopicProbe;
import org.recert.notifications.digest.DigestPass;

/**
 * The employer's weekly digest: only members on its roster who share their status with it, at risk or worse; once per ISO
 * week; chosen by that organization's employer only.
 */
@QuarkusTest
class EmployerDigestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A Wednesday of ISO week 2027-W09; the next is in 2027-W10. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2027, 3, 3);
    private static final LocalDate CYCLE_START = LocalDate.of(2022, 4, 30);

    @Inject
    TravellingClock clock;

    @Inject
    DigestPass pass;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.backToNow();
    }

    @Test
    void shouldMailOnlyConsentingMembersAtRiskOrWorseOncePerIsoWeek() {
        String org = UUID.randomUUID().toString();
        String hr = "hr-" + org.substring(0, 8) + "@clinic.example";
        String atRisk = member(org, "EMP-AR", true, "ON_TRACK", "AT_RISK", LocalDate.of(2027, 4, 30));
        String inGrace = member(org, "EMP-GR", true, "AT_RISK", "GRACE", LocalDate.of(2027, 2, 28));
        String lapsed = member(org, null, true, "GRACE", "LAPSED", LocalDate.of(2026, 10, 31));
        String hidden = member(org, "EMP-HIDDEN", false, "ON_TRACK", "AT_RISK", LocalDate.of(2027, 4, 30));
        String onTrack = member(org, "EMP-OK", true, "NO_CERTIFICATION", "ON_TRACK", LocalDate.of(2028, 4, 30));
        String withdrew = member(org, "EMP-WD", true, "ON_TRACK", "AT_RISK", LocalDate.of(2027, 4, 30));
        String left = member(org, "EMP-LEFT", true, "ON_TRACK", "AT_RISK", LocalDate.of(2027, 4, 30));
        publishRoster(new RosterEvent(UUID.fromString(org), withdrew, true, false, "EMP-WD", "Digest Clinic"));
        publishRoster(new RosterEvent(UUID.fromString(org), left, false, false, null, "Digest Clinic"));
        awaitProjected(org, List.of(atRisk, inGrace, lapsed, hidden, onTrack, withdrew, left), 4);
        optIn(org, hr);

        clock.travelTo(WEDNESDAY);
        pass.decide();
        await().atMost(PATIENCE).until(() -> Mailbox.of(hr).size() == 1);
        Mailbox.Received digest = Mailbox.of(hr).get(0);

        assertThat(digest.subject()).isEqualTo("Digest Clinic, week 2027-W09: 3 on your roster at risk or worse");
        assertThat(digest.text())
                .contains("EMP-AR (" + atRisk + "), CMA (AAMA): AT RISK: due 2027-04-30, requirements not met yet")
                .contains("6 more clinical points (4 of 10)")
                .contains("EMP-GR (" + inGrace + "), CMA (AAMA): GRACE: was due 2027-02-28; may still recertify by continuing education "
                        + "until 2027-05-29")
                .contains(lapsed + ", CMA (AAMA): LAPSED: the grace period ended 2027-01-29")
                .contains("http://localhost:8080/roster")
                .doesNotContain(hidden).doesNotContain("EMP-HIDDEN").doesNotContain(onTrack).doesNotContain(withdrew).doesNotContain(left);
        assertThat(digest.text().indexOf(lapsed)).as("the most urgent first").isLessThan(digest.text().indexOf(inGrace));
        assertThat(digest.html()).contains("<strong>EMP-AR (" + atRisk + ")</strong>").contains("href=\"http://localhost:8080/roster\"")
                .doesNotContain(hidden);

        // later passes of the same week, on any replica, meet the week's unique row
        pass.decide();
        clock.travelTo(WEDNESDAY.plusDays(4));
        pass.decide();
        await().atMost(PATIENCE).until(() -> states(org).equals(List.of("2027-W09 SENT 3")));
        assertThat(Mailbox.of(hr)).hasSize(1);

        clock.travelTo(WEDNESDAY.plusDays(7));
        pass.decide();
        await().atMost(PATIENCE).until(() -> Mailbox.of(hr).size() == 2);
        assertThat(Mailbox.of(hr).get(1).subject()).isEqualTo("Digest Clinic, week 2027-W10: 3 on your roster at risk or worse");
        assertThat(states(org)).containsExactly("2027-W09 SENT 3", "2027-W10 SENT 3");
    }

    @Test
    void shouldDecideNoDigestForAnOrganizationWhoseOnlyMemberAtRiskDoesNotShareTheirStatus() {
        String org = UUID.randomUUID().toString();
        String hidden = member(org, "EMP-H", false, "ON_TRACK", "AT_RISK", LocalDate.of(2027, 4, 30));
        String fine = member(org, "EMP-F", true, "NO_CERTIFICATION", "ON_TRACK", LocalDate.of(2028, 4, 30));
        awaitProjected(org, List.of(hidden, fine), 1);
        optIn(org, "hr-" + org.substring(0, 8) + "@clinic.example");

        clock.travelTo(WEDNESDAY);
        pass.decide();

        assertThat(states(org)).isEmpty();
    }

    @Test
    void shouldWordTheDigestInTheLanguageTheEmployerChose() {
        String org = UUID.randomUUID().toString();
        String hr = "rh-" + org.substring(0, 8) + "@clinica.example";
        String atRisk = member(org, "EMP-ES", true, "ON_TRACK", "AT_RISK", LocalDate.of(2027, 4, 30));
        awaitProjected(org, List.of(atRisk), 1);
        given().auth().oauth2(Tokens.employer(org)).contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "recipients", List.of(hr), "language", "es"))
                .when().put("/api/v1/notifications/employers/" + org + "/digest").then().statusCode(200);

        clock.travelTo(WEDNESDAY.plusDays(14));
        pass.decide();
        await().atMost(PATIENCE).until(() -> Mailbox.of(hr).size() == 1);

        Mailbox.Received digest = Mailbox.of(hr).get(0);
        assertThat(digest.subject()).isEqualTo("Digest Clinic, semana 2027-W11: 1 de su plantilla en riesgo o peor");
        assertThat(digest.text()).contains("EMP-ES (" + atRisk + "), CMA (AAMA): EN RIESGO: vence el 2027-04-30").contains("Falta:");
    }

    @Test
    void shouldLetOnlyThatOrganizationsEmployerChooseTheDigest() {
        String org = UUID.randomUUID().toString();
        String path = "/api/v1/notifications/employers/" + org + "/digest";
        Map<String, Object> body = Map.of("enabled", true, "recipients", List.of("hr@clinic.example"), "language", "es");

        given().auth().oauth2(Tokens.employer(org)).when().get(path)
                .then().statusCode(200).body("enabled", equalTo(false)).body("recipients.size()", equalTo(0));
        given().auth().oauth2(Tokens.employer(org)).contentType(ContentType.JSON).body(body).when().put(path)
                .then().statusCode(200).body("enabled", equalTo(true)).body("language", equalTo("es"))
                .body("recipients[0]", equalTo("hr@clinic.example"));

        given().when().get(path).then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(401);
        given().auth().oauth2(Tokens.learner("nosy", "nosy@example.org")).when().get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.employer(UUID.randomUUID().toString())).when().get(path)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.employer(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(Map.of("enabled", false, "recipients", List.of("x@evil.example"))).when().put(path).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get(path)
                .then().statusCode(200).body("recipients[0]", equalTo("hr@clinic.example"));
    }

    @Test
    void shouldRefuseABadChoiceNamingTheField() {
        String org = UUID.randomUUID().toString();
        String path = "/api/v1/notifications/employers/" + org + "/digest";

        refused(path, org, Map.of("recipients", List.of("hr@clinic.example")), "enabled");
        refused(path, org, Map.of("enabled", true, "recipients", List.of("not an address")), "recipients");
        refused(path, org, Map.of("enabled", true, "recipients", List.of()), "recipients");
        refused(path, org, Map.of("enabled", true, "recipients", List.of("hr@clinic.example"), "language", "fr"), "language");
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/notifications/employers/not-a-uuid/digest")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("orgId"));
        given().auth().oauth2(Tokens.employer(org)).when().get(path).then().statusCode(200).body("enabled", equalTo(false));
    }

    @Test
    void shouldParkAMalformedRosterEventOnTheDeadLetterTopic() {
        String learner = StatusEvents.unique("broken");
        send(learner, "{\"organizationId\":\"not-a-uuid\",\"learnerId\":\"" + learner + "\",\"member\":true,\"consent\":true}");

        List<TopicProbe.Message> parked = TopicProbe.readUntil(EventContract.COMPLIANCE_ROSTER.topic() + ".dlq", PATIENCE,
                all -> all.stream().anyMatch(m -> learner.equals(m.key())));
        assertThat(parked).anyMatch(m -> learner.equals(m.key()));
    }

    private static void refused(String path, String org, Map<String, Object> body, String field) {
        given().auth().oauth2(Tokens.employer(org)).contentType(ContentType.JSON).body(body).when().put(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString(field));
    }

    /** A learner on the organization's roster, consenting or not, whose CMA (AAMA) status changed to {@code status}; 6 clinical points short. */
    private static String member(String org, String staffRef, boolean consent, String from, String status, LocalDate dueDate) {
        String learner = StatusEvents.unique("m");
        publishRoster(new RosterEvent(UUID.fromString(org), learner, true, consent, staffRef, "Digest Clinic"));
        StatusEvents.publish(learner, StatusEvents.statusWithKinds(learner, from, status, WEDNESDAY.minusDays(1), CYCLE_START, dueDate,
                null, 6));
        return learner;
    }

    private static void publishRoster(RosterEvent event) {
        send(event.learnerId(), EventContract.COMPLIANCE_ROSTER.write(event).toString());
    }

    private static void send(String learner, String json) {
        TopicProbe.send(EventContract.COMPLIANCE_ROSTER.topic(), learner, json.getBytes(StandardCharsets.UTF_8),
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_specversion", "1.0", "ce_type", RosterEvent.CHANGED,
                        "ce_source", "/recert/compliance", "content-type", "application/json"));
    }

    private static void optIn(String org, String recipient) {
        given().auth().oauth2(Tokens.employer(org)).contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "recipients", List.of(recipient)))
                .when().put("/api/v1/notifications/employers/" + org + "/digest").then().statusCode(200);
    }

    /** Waits until every learner's status is projected and the roster holds {@code visible} members who share their status. */
    private void awaitProjected(String org, List<String> learners, int visible) {
        await().atMost(PATIENCE).until(() -> count("select count(*) from learner_status where learner_id = any(?)", learners.toArray()) == learners.size()
                && count("select count(*) from employer_roster where organization_id = ?::uuid and member and consent", org) == visible
                && count("select count(*) from employer_roster where organization_id = ?::uuid", org) == learners.size());
    }

    private List<String> states(String org) {
        List<String> states = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select iso_week, state, members from digest_mail where organization_id = ?::uuid order by iso_week")) {
            query.setString(1, org);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }

    private long count(String sql, Object parameter) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter instanceof Object[] array) {
                query.setArray(1, connection.createArrayOf("varchar", array));
            } else {
                query.setString(1, (String) parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
