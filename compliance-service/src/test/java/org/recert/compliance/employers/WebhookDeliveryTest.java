package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.recert.compliance.employers.EmployerFixtures.uniqueLearner;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest {

    private static final String ORGS = "/api/v1/compliance/organizations";
    private static final String CMA = "CMA_AAMA";
    private static final LocalDate CYCLE_START = LocalDate.of(2022, 3, 31);
    private static final LocalDate DUE = LocalDate.of(2027, 3, 31);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmployerFixtures fx;

    @Inject
    LearnerStatusDriver statuses;

    private WebhookReceiver receiver;
    private String org;

    @BeforeEach
    void receiverAndOrganization() throws Exception {
        receiver = new WebhookReceiver();
        org = fx.createOrganization("Webhook Clinic " + uniqueLearner("o"));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldDeliverASignedWebhookWhenAConsentingMembersStatusChanges() {
        String learner = consentingMember("maria");
        String webhook = subscribeWithGeneratedSecret();

        statuses.set(learner, CMA, "AT_RISK", CYCLE_START, DUE, new BigDecimal("12.5"));

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        WebhookReceiver.Received received = receiver.accepted().get(0);
        assertThat(received.signatureValid()).isTrue();
        assertThat(received.json().path("type").asText()).isEqualTo("compliance.status.changed");
        assertThat(received.json().path("data").path("learnerId").asText()).isEqualTo(learner);
        assertThat(received.json().path("data").path("organizationId").asText()).isEqualTo(org);
        assertThat(received.json().path("data").path("staffRef").asText()).isEqualTo("EMP-" + learner);
        assertThat(received.json().path("data").path("newStatus").asText()).isEqualTo("AT_RISK");
        assertThat(received.json().path("data").path("dueDate").asText()).isEqualTo("2027-03-31");
        assertThat(received.json().path("data").path("shortfall").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(received.json().path("data").has("counted")).isFalse();
        WebhookBodySchema.assertValid(received.body());

        fx.employerOf(org).get(ORGS + "/" + org + "/roster").then().statusCode(200).body("items[0].status", equalTo("AT_RISK"));
        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .body("items[0].state", equalTo("DELIVERED"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(204))
                .body("items[0].messageId", equalTo(received.messageId()))
                .body("items[0].learnerId", equalTo(learner));
    }

    @Test
    void shouldDeliverOnTheFourthTryToAReceiverThatFailedThreeTimes() {
        String learner = consentingMember("james");
        String webhook = subscribeWithGeneratedSecret();
        receiver.failNext(3);

        statuses.set(learner, CMA, "ON_TRACK", CYCLE_START, DUE, new BigDecimal("40"));

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        List<WebhookReceiver.Received> attempts = receiver.received();
        assertThat(attempts).hasSize(4);
        assertThat(attempts).extracting(WebhookReceiver.Received::answeredWith).containsExactly(500, 500, 500, 204);
        assertThat(attempts).extracting(WebhookReceiver.Received::messageId).containsOnly(attempts.get(0).messageId());
        assertThat(attempts).allMatch(WebhookReceiver.Received::signatureValid);
        await().atMost(WAIT).untilAsserted(() -> fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries")
                .then().body("items[0].state", equalTo("DELIVERED")).body("items[0].attempts", equalTo(4)));

        String metrics = RestAssured.get("/q/metrics").asString();
        assertThat(metrics).contains("recert_webhooks_deliveries_total{outcome=\"delivered\"");
        assertThat(metrics).contains("recert_webhooks_deliveries_total{outcome=\"failed_attempt\"");
    }

    @Test
    void shouldAbandonADeliveryWhenTheScheduleRunsOutAndThenSendTheLearnersNextChange() {
        String learner = consentingMember("ivy");
        String webhook = subscribeWithGeneratedSecret();
        receiver.failNext(1_000);
        statuses.set(learner, CMA, "AT_RISK", CYCLE_START, DUE, new BigDecimal("10"));
        statuses.set(learner, CMA, "GRACE", CYCLE_START, DUE, new BigDecimal("10"));

        // %test gives up after 5 s: attempts at about 0, 0.2, 0.6, 1.4, 2.4, 3.4, 4.4 s
        await().atMost(WAIT).untilAsserted(() -> fx.employerOf(org).queryParam("state", "FAILED")
                .get(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries").then()
                .body("items.size()", equalTo(1)).body("items[0].lastStatusCode", equalTo(500)));
        // the next change may already be on its way (and failing) once the first is abandoned, but never before
        List<String> attempts = receiver.received().stream().map(r -> r.json().path("data").path("newStatus").asText()).toList();
        assertThat(attempts.stream().filter("AT_RISK"::equals).count()).isGreaterThan(3);
        assertThat(attempts.subList(0, attempts.lastIndexOf("AT_RISK") + 1)).containsOnly("AT_RISK");

        receiver.failNext(0);
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).json().path("data").path("newStatus").asText()).isEqualTo("GRACE");
    }

    @Test
    void shouldDeliverALearnersChangesInOrderWhileTheFirstIsRetried() {
        String learner = consentingMember("ana");
        subscribeWithGeneratedSecret();
        receiver.failNext(2);

        statuses.set(learner, CMA, "AT_RISK", CYCLE_START, DUE, new BigDecimal("10"));
        statuses.set(learner, CMA, "GRACE", CYCLE_START, DUE, new BigDecimal("10"));
        statuses.set(learner, CMA, "LAPSED", CYCLE_START, DUE, new BigDecimal("10"));

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 3);
        assertThat(receiver.received()).extracting(r -> r.json().path("data").path("newStatus").asText())
                .containsExactly("AT_RISK", "AT_RISK", "AT_RISK", "GRACE", "LAPSED");
        assertThat(receiver.accepted()).extracting(r -> r.json().path("data").path("oldStatus").asText())
                .containsExactly("NO_CERTIFICATION", "AT_RISK", "GRACE");
    }

    @Test
    void shouldStopDeliveriesAndCancelPendingOnesWhenConsentIsWithdrawn() {
        String learner = consentingMember("lee");
        String webhook = subscribeWithGeneratedSecret();
        receiver.failNext(1_000);
        statuses.set(learner, CMA, "AT_RISK", CYCLE_START, DUE, new BigDecimal("10"));
        await().atMost(WAIT).until(() -> !receiver.received().isEmpty());

        fx.learner(learner).body(Map.of("organizationId", org)).delete("/api/v1/compliance/learners/" + learner + "/consents")
                .then().statusCode(204);
        statuses.set(learner, CMA, "GRACE", CYCLE_START, DUE, new BigDecimal("10"));

        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].state", equalTo("CANCELLED"));
        int seen = receiver.received().size();
        // an attempt already in flight at the withdrawal may still arrive (and fail): at most one more, and never the new change
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> receiver.received().size() <= seen + 1
                && receiver.received().stream().noneMatch(r -> r.json().path("data").path("newStatus").asText().equals("GRACE")));
        assertThat(receiver.accepted()).isEmpty();
        fx.employerOf(org).get(ORGS + "/" + org + "/roster").then().body("items[0].consent", equalTo("PENDING"));
    }

    @Test
    void shouldTellSubscribersWhenConsentIsGrantedWithTheCurrentStatusAndWhenItIsWithdrawnWithout() {
        String learner = uniqueLearner("zoe");
        fx.addMember(org, learner, "EMP-Z");
        statuses.set(learner, CMA, "AT_RISK", CYCLE_START, DUE, new BigDecimal("7.5"));
        JsonPath created = fx.employerOf(org).body(Map.of("url", receiver.url(),
                        "events", List.of("compliance.consent.granted", "compliance.consent.withdrawn", "compliance.status.changed")))
                .post(ORGS + "/" + org + "/webhooks").then().statusCode(201).extract().jsonPath();
        receiver.verifyingWith(created.getString("secret"));

        fx.consent(learner, org);
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        WebhookReceiver.Received granted = receiver.accepted().get(0);
        assertThat(granted.json().path("type").asText()).isEqualTo("compliance.consent.granted");
        assertThat(granted.json().path("data").path("staffRef").asText()).isEqualTo("EMP-Z");
        assertThat(granted.json().path("data").path("statuses").get(0).path("status").asText()).isEqualTo("AT_RISK");
        assertThat(granted.json().path("data").path("statuses").get(0).path("shortfall").decimalValue()).isEqualByComparingTo("7.5");

        fx.learner(learner).delete("/api/v1/compliance/learners/" + learner + "/consents/" + org).then().statusCode(204);
        statuses.set(learner, CMA, "GRACE", CYCLE_START, DUE, new BigDecimal("7.5"));
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
        WebhookReceiver.Received withdrawn = receiver.accepted().get(1);
        assertThat(withdrawn.json().path("type").asText()).isEqualTo("compliance.consent.withdrawn");
        assertThat(withdrawn.json().path("data").path("consent").asText()).isEqualTo("PENDING");
        assertThat(withdrawn.body()).doesNotContain("AT_RISK").doesNotContain("status\"");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 2);
        receiver.received().forEach(r -> WebhookBodySchema.assertValid(r.body()));
    }

    @Test
    void shouldAnnounceALearnerWhoConsentedBeforeTheEmployerListedThem() {
        String learner = uniqueLearner("early");
        statuses.set(learner, CMA, "ON_TRACK", CYCLE_START, DUE, new BigDecimal("20"));
        JsonPath created = fx.employerOf(org).body(Map.of("url", receiver.url(), "events", List.of("compliance.consent.granted")))
                .post(ORGS + "/" + org + "/webhooks").then().statusCode(201).extract().jsonPath();
        receiver.verifyingWith(created.getString("secret"));
        fx.consent(learner, org);
        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + created.getString("id") + "/deliveries").then().body("items.size()", equalTo(0));

        fx.addMember(org, learner, "EMP-E");

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).json().path("data").path("statuses").get(0).path("status").asText()).isEqualTo("ON_TRACK");
        assertThat(receiver.accepted().get(0).json().path("data").path("staffRef").asText()).isEqualTo("EMP-E");
    }

    @Test
    void shouldSendNothingAboutMembersWithoutConsent() {
        String learner = uniqueLearner("quiet");
        fx.addMember(org, learner, null);
        String webhook = subscribeWithGeneratedSecret();

        statuses.set(learner, CMA, "AT_RISK", CYCLE_START, DUE, new BigDecimal("10"));

        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries").then().body("items.size()", equalTo(0));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().isEmpty());
    }

    @Test
    void shouldReplayADeliveryWithTheSameMessageId() {
        String learner = consentingMember("rita");
        String webhook = subscribeWithGeneratedSecret();
        statuses.set(learner, CMA, "COMPLIANT", CYCLE_START, DUE, BigDecimal.ZERO);
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        String delivery = fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries").path("items[0].id");

        fx.employerOf(org).post(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries/" + delivery + "/replay")
                .then().statusCode(202).body("replayOf", equalTo(delivery)).body("state", equalTo("PENDING"));

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
        assertThat(receiver.accepted().get(1).messageId()).isEqualTo(receiver.accepted().get(0).messageId());
        assertThat(receiver.accepted().get(1).body()).isEqualTo(receiver.accepted().get(0).body());
        assertThat(receiver.accepted().get(1).signatureValid()).isTrue();
    }

    @Test
    void shouldSignWithASecretTheEmployerChose() {
        String learner = consentingMember("kim");
        String secret = "our-own-shared-secret-0123456789";
        receiver.verifyingWith(secret);
        fx.employerOf(org).body(Map.of("url", receiver.url(), "events", List.of("compliance.status.changed"), "secret", secret))
                .post(ORGS + "/" + org + "/webhooks").then().statusCode(201).body("$", not(hasKey("secret")));

        statuses.set(learner, CMA, "ON_TRACK", CYCLE_START, DUE, BigDecimal.ONE);

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).signatureValid()).isTrue();
    }

    @Test
    void shouldShowTheSecretOnlyOnceAndDeleteSubscriptions() {
        String webhook = subscribeWithGeneratedSecret();
        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks").then().statusCode(200)
                .body("items.id", hasItem(webhook)).body("items[0]", not(hasKey("secret")));
        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook).then().statusCode(200).body("$", not(hasKey("secret")));

        String other = fx.createOrganization("Other " + uniqueLearner("o"));
        fx.employerOf(other).get(ORGS + "/" + org + "/webhooks").then().statusCode(404);
        fx.employerOf(other).get(ORGS + "/" + other + "/webhooks/" + webhook).then().statusCode(404);
        fx.employerOf(other).delete(ORGS + "/" + other + "/webhooks/" + webhook).then().statusCode(404);
        fx.learner("maria").get(ORGS + "/" + org + "/webhooks").then().statusCode(403);

        fx.employerOf(org).delete(ORGS + "/" + org + "/webhooks/" + webhook).then().statusCode(204);
        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook).then().statusCode(404);
    }

    @Test
    void shouldRejectWebhooksThatAreNotHttpOrHaveAShortSecret() {
        String url = ORGS + "/" + org + "/webhooks";
        fx.employerOf(org).body(Map.of("url", "ftp://example.com/x", "events", List.of("compliance.status.changed")))
                .post(url).then().statusCode(400).contentType("application/problem+json").body("field", equalTo("url"));
        fx.employerOf(org).body(Map.of("url", "https://example.com/x", "events", List.of("compliance.status.changed"), "secret", "short"))
                .post(url).then().statusCode(400).body("errors.field", hasItem("secret"));
        fx.employerOf(org).body(Map.of("url", "https://example.com/x", "events", List.of("credits.everything")))
                .post(url).then().statusCode(400).body("field", equalTo("events"));
        fx.employerOf(org).body(Map.of("url", "https://example.com/x", "events", List.of()))
                .post(url).then().statusCode(400).body("errors.field", hasItem("events"));
        fx.employerOf(org).body(Map.of("url", "https://example.com/x", "events", List.of("compliance.status.changed")))
                .post(ORGS + "/" + org + "/webhooks/not-a-uuid/deliveries/also-not/replay").then().statusCode(400)
                .body("field", equalTo("webhookId"));
    }

    private String consentingMember(String name) {
        String learner = uniqueLearner(name);
        fx.addMember(org, learner, "EMP-" + learner);
        fx.consent(learner, org);
        return learner;
    }

    private String subscribeWithGeneratedSecret() {
        JsonPath created = fx.employerOf(org).body(Map.of("url", receiver.url(), "events", List.of("compliance.status.changed")))
                .post(ORGS + "/" + org + "/webhooks")
                .then().statusCode(201).header("Location", containsString("/webhooks/"))
                .body("secret", notNullValue()).extract().jsonPath();
        receiver.verifyingWith(created.getString("secret"));
        return created.getString("id");
    }
}
