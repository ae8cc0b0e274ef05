package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.recert.compliance.employers.EmployerFixtures.uniqueLearner;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.compliance.TestEvents;

/**
 * The whole path: credits recorded by the credits service (credits.ledger.v1) change a consenting member's
 * status, the roster shows it, and a signed webhook reaches the employer's receiver; revoking a credit and
 * withdrawing consent do what they should.
 */
@QuarkusTest
class EmployerEndToEndTest {

    private static final String ORGS = "/api/v1/compliance/organizations";
    private static final String[] CATEGORIES = { "ADMINISTRATIVE", "CLINICAL", "GENERAL" };

    @Inject
    EmployerFixtures fx;

    private WebhookReceiver receiver;
    private String org;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        org = fx.createOrganization("End to End Clinic " + uniqueLearner("o"));
        String secret = fx.employerOf(org).body(Map.of("url", receiver.url(), "events", List.of("compliance.status.changed")))
                .post(ORGS + "/" + org + "/webhooks").then().statusCode(201).extract().path("secret");
        receiver.verifyingWith(secret);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void shouldDeliverASignedWebhookAndUpdateTheRosterWhenTheCreditsServiceRecordsACredit() {
        String learner = uniqueLearner("maria");
        fx.addMember(org, learner, "EMP-77");
        fx.consent(learner, org);
        // certified 4 years and 5 months ago: due within the at-risk window, nothing earned yet
        LocalDate certifiedOn = LocalDate.now(ZoneOffset.UTC).minusYears(4).minusMonths(7);
        fx.learner(learner).body(Map.of("certifiedOn", certifiedOn.toString()))
                .put("/api/v1/compliance/learners/" + learner + "/certifications/CMA_AAMA").then().statusCode(201);
        await().atMost(TestEvents.PATIENCE).until(() -> receiver.accepted().size() == 1);
        assertThat(status(receiver.accepted().get(0))).isEqualTo("NO_CERTIFICATION->AT_RISK");

        String[] credits = new String[3];
        for (int i = 0; i < 3; i++) {
            credits[i] = UUID.randomUUID().toString();
            TestEvents.sendCredit(learner, "CreditRecorded",
                    TestEvents.aamaCredit(credits[i], learner, 1, "ACTIVE", certifiedOn.plusMonths(6 + i).toString(), "20", CATEGORIES[i]));
        }

        await().atMost(TestEvents.PATIENCE).until(() -> receiver.accepted().size() == 2);
        WebhookReceiver.Received compliant = receiver.accepted().get(1);
        assertThat(compliant.signatureValid()).isTrue();
        assertThat(status(compliant)).isEqualTo("AT_RISK->COMPLIANT");
        assertThat(compliant.json().path("data").path("staffRef").asText()).isEqualTo("EMP-77");
        assertThat(compliant.json().path("data").path("shortfall").decimalValue()).isZero();
        assertThat(compliant.body()).doesNotContain(credits[0]).doesNotContain("counted").doesNotContain("excluded");
        fx.employerOf(org).get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items[0].status", equalTo("COMPLIANT")).body("items[0].shortfall", equalTo(0));

        TestEvents.sendCredit(learner, "CreditRevoked",
                TestEvents.aamaCredit(credits[1], learner, 2, "REVOKED", certifiedOn.plusMonths(7).toString(), "20", CATEGORIES[1]));
        await().atMost(TestEvents.PATIENCE).until(() -> receiver.accepted().size() == 3);
        assertThat(status(receiver.accepted().get(2))).isEqualTo("COMPLIANT->AT_RISK");
        assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
        receiver.received().forEach(r -> WebhookBodySchema.assertValid(r.body()));

        fx.learner(learner).delete("/api/v1/compliance/learners/" + learner + "/consents/" + org).then().statusCode(204);
        fx.employerOf(org).get(ORGS + "/" + org + "/roster").then().body("items[0].consent", equalTo("PENDING"));
        TestEvents.sendCredit(learner, "CreditRecorded", TestEvents.aamaCredit(UUID.randomUUID().toString(), learner, 1, "ACTIVE",
                certifiedOn.plusMonths(9).toString(), "20", CATEGORIES[1]));
        await().atMost(TestEvents.PATIENCE).untilAsserted(() -> fx.learner(learner)
                .get("/api/v1/compliance/learners/" + learner + "/status?credential=CMA_AAMA").then().body("status", equalTo("COMPLIANT")));
        await().during(java.time.Duration.ofSeconds(1)).atMost(java.time.Duration.ofSeconds(3))
                .until(() -> receiver.received().size() == 3);
    }

    private static String status(WebhookReceiver.Received received) {
        return received.json().path("data").path("oldStatus").asText() + "->" + received.json().path("data").path("newStatus").asText();
    }
}
