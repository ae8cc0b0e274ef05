package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;

/** An employer lists its staff; one consents; the roster, a signed webhook and the weekly digest mail show her status, and its change. */
@Order(3)
@ExtendWith(SuiteExtension.class)
class EmployerJourneyTest {

    private final Suite suite;
    private final Api api;

    EmployerJourneyTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
    }

    @Test
    void shouldShowAConsentingMembersStatusOnTheRosterAndInSignedWebhooksAndNothingOfTheOthers() throws Exception {
        String organization = api.as(api.adminToken()).body(Map.of("name", "Sunrise Pediatrics " + Api.newLearner("org")))
                .post("/api/v1/compliance/organizations").then().statusCode(201).extract().path("id");
        String employer = suite.token("hr-sam", Set.of("employer"), organization, null);
        String ella = Api.newLearner("ella");
        String finn = Api.newLearner("finn");
        api.certify(ella, Api.today().minusMonths(58));
        api.certify(finn, Api.today().minusMonths(58));

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            api.as(employer).body(Map.of("url", receiver.url(), "secret", secret,
                            "events", List.of("compliance.status.changed", "compliance.consent.granted")))
                    .post("/api/v1/compliance/organizations/{org}/webhooks", organization).then().statusCode(201);
            api.as(employer).body(Map.of("staffRef", "EMP-1")).put("/api/v1/compliance/organizations/{org}/members/{id}", organization, ella)
                    .then().statusCode(201);
            api.as(employer).body(Map.of("staffRef", "EMP-2")).put("/api/v1/compliance/organizations/{org}/members/{id}", organization, finn)
                    .then().statusCode(201);
            JsonPath listed = roster(employer, organization, "");
            assertThat(listed.getList("items.consent", String.class)).containsExactlyInAnyOrder("PENDING", "PENDING");
            assertThat(listed.getList("items.status")).as("nothing shown before consent").allMatch(status -> status == null);

            api.as(api.learnerToken(ella)).body(Map.of("organizationId", organization))
                    .post("/api/v1/compliance/learners/{id}/consents", ella).then().statusCode(201);
            JsonPath consented = roster(employer, organization, "");
            assertThat(consented.getString("items.find { it.learnerId == '" + ella + "' }.consent")).isEqualTo("GRANTED");
            assertThat(consented.getString("items.find { it.learnerId == '" + ella + "' }.status")).isEqualTo("AT_RISK");
            assertThat(consented.getString("items.find { it.learnerId == '" + finn + "' }.status")).isNull();
            WebhookReceiver.Delivery granted = awaitDelivery(receiver, "compliance.consent.granted", ella);
            assertThat(granted.json().getString("data.statuses[0].status")).isEqualTo("AT_RISK");

            // the weekly digest the employer opts in to, read over IMAP: Ella (consenting, AT_RISK) by her staff reference; Finn,
            // AT_RISK too but without consent, never
            String hr = "hr-" + organization.substring(0, 8) + "@sunrise.example";
            String password = "imap-" + UUID.randomUUID();
            suite.mail().addMailbox(hr, password);
            api.as(employer).body(Map.of("enabled", true, "recipients", List.of(hr)))
                    .put("/api/v1/notifications/employers/{org}/digest", organization).then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> !Mail.inbox(suite, hr, password).isEmpty());
            Mail digest = Mail.inbox(suite, hr, password).get(0);
            assertThat(digest.subject()).startsWith("Sunrise Pediatrics").endsWith(": 1 on your roster at risk or worse");
            assertThat(digest.text()).contains("EMP-1 (" + ella + "), ").contains(": AT RISK: due ").contains("/roster").doesNotContain(finn);
            assertThat(digest.html()).contains("EMP-1 (" + ella + ")").doesNotContain(finn);

            // Ella earns her 60 points: two 30-CEU AAMA programmes covering every category
            for (int i = 1; i <= 2; i++) {
                api.recordCredit(ella, Map.of("activityType", "CONFERENCE", "title", "AAMA annual conference, day " + i,
                        "completedOn", Api.today().minusMonths(2).toString(), "approval", "AAMA", "contactMinutes", 1800,
                        "amount", Map.of("value", 30, "unit", "AAMA_CEU"),
                        "categories", List.of(Map.of("category", "ADMINISTRATIVE", "value", 10),
                                Map.of("category", "CLINICAL", "value", 10), Map.of("category", "GENERAL", "value", 10))));
            }
            WebhookReceiver.Delivery changed = awaitDelivery(receiver, "compliance.status.changed", ella);
            await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLIANT".equals(
                    roster(employer, organization, "?status=COMPLIANT").getString("items.find { it.learnerId == '" + ella + "' }.status")));
            assertThat(roster(employer, organization, "?status=COMPLIANT").getList("items.learnerId", String.class)).containsExactly(ella);

            String lastChange = changedTo(receiver, ella).get(changedTo(receiver, ella).size() - 1).json().getString("data.newStatus");
            assertThat(lastChange).isEqualTo("COMPLIANT");
            assertThat(changed.json().getString("data.staffRef")).isEqualTo("EMP-1");
            for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
                assertThat(delivery.header("webhook-id")).isNotBlank();
                assertThatCode(() -> new Webhook(secret).verify(delivery.body(), delivery.headers()))
                        .as("a Standard Webhooks signature that verifies with the secret").doesNotThrowAnyException();
                assertThat(delivery.json().getString("data.learnerId")).as("nothing of members without consent").isEqualTo(ella);
            }
            assertThat(receiver.deliveries().stream().map(d -> d.header("webhook-id")).distinct().count())
                    .as("each message once, though compliance applies every event twice").isEqualTo(receiver.deliveries().size());
        }
    }

    private JsonPath roster(String employer, String organization, String query) {
        return api.as(employer).get("/api/v1/compliance/organizations/" + organization + "/roster" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<WebhookReceiver.Delivery> changedTo(WebhookReceiver receiver, String learner) {
        return receiver.deliveries().stream()
                .filter(d -> "compliance.status.changed".equals(d.json().getString("type")))
                .filter(d -> learner.equals(d.json().getString("data.learnerId"))).toList();
    }

    private static WebhookReceiver.Delivery awaitDelivery(WebhookReceiver receiver, String type, String learner) {
        WebhookReceiver.Delivery[] found = new WebhookReceiver.Delivery[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
                JsonPath json = delivery.json();
                if (type.equals(json.getString("type")) && learner.equals(json.getString("data.learnerId"))) {
                    found[0] = delivery;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
