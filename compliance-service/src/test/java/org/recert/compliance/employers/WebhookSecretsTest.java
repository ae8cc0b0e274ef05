package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
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
import java.util.UUID;

import jakarta.inject.Inject;

import com.standardwebhooks.Webhook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.compliance.TestDatabase;
import org.recert.compliance.employers.webhooks.WebhookSecrets;

/** Signing secrets: never stored in clear, and rotated with an overlap in which both sign. */
@QuarkusTest
class WebhookSecretsTest {

    private static final String ORGS = "/api/v1/compliance/organizations";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TEST_KEY_ID = "dev-2026";

    @Inject
    EmployerFixtures fx;

    @Inject
    LearnerStatusDriver statuses;

    @Inject
    TestDatabase database;

    @Inject
    WebhookSecrets secrets;

    private WebhookReceiver receiver;
    private String org;
    private String learner;

    @BeforeEach
    void consentingMemberAndReceiver() throws Exception {
        receiver = new WebhookReceiver();
        org = fx.createOrganization("Secret Clinic " + uniqueLearner("o"));
        learner = uniqueLearner("sam");
        fx.addMember(org, learner, null);
        fx.consent(learner, org);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldStoreSecretsOnlyEncryptedWithTheIdOfTheirKey() {
        String chosen = "our-own-shared-secret-0123456789";
        String webhook = fx.employerOf(org).body(Map.of("url", receiver.url(), "events", List.of("compliance.status.changed"), "secret", chosen))
                .post(ORGS + "/" + org + "/webhooks").then().statusCode(201).extract().path("id");
        receiver.verifyingWith(chosen);

        List<Object> stored = database.rows("select secret, secret_key_id from webhook_subscription where id = cast(?1 as uuid)", webhook);
        assertThat(stored.get(0).toString()).doesNotContain(chosen).endsWith(", " + TEST_KEY_ID + "]");

        changeStatus("AT_RISK");
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).signatureValid()).isTrue();
    }

    @Test
    void shouldSealASecretStoredInClearBeforeEncryptionAndStillSignWithIt() {
        String legacy = "a-secret-from-before-encryption-42";
        UUID webhook = UUID.randomUUID();
        database.update("""
                insert into webhook_subscription (id, organization_id, url, events, secret)
                values (cast(?1 as uuid), cast(?2 as uuid), ?3, 'compliance.status.changed', ?4)""", webhook.toString(), org, receiver.url(), legacy);
        receiver.verifyingWith(legacy);

        int sealed = QuarkusTransaction.requiringNew().call(secrets::sealAll);

        assertThat(sealed).isGreaterThanOrEqualTo(1);
        assertThat(database.rows("select secret, secret_key_id from webhook_subscription where id = cast(?1 as uuid)", webhook.toString())
                .get(0).toString()).doesNotContain(legacy).endsWith(", " + TEST_KEY_ID + "]");
        changeStatus("GRACE");
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).signatureValid()).isTrue();
    }

    @Test
    void shouldSignWithBothSecretsDuringTheOverlapAndOnlyWithTheNewOneAfter() throws Exception {
        JsonPath created = fx.employerOf(org).body(Map.of("url", receiver.url(), "events", List.of("compliance.status.changed")))
                .post(ORGS + "/" + org + "/webhooks").then().statusCode(201).extract().jsonPath();
        String webhook = created.getString("id");
        String oldSecret = created.getString("secret");

        String newSecret = fx.employerOf(org).body(Map.of("overlapMinutes", 60)).post(ORGS + "/" + org + "/webhooks/" + webhook + "/rotate-secret")
                .then().statusCode(200).body("secret", notNullValue()).body("previousSecretValidUntil", notNullValue())
                .extract().path("secret");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("previousSecretValidUntil", notNullValue());
        receiver.verifyingWith(newSecret);

        changeStatus("AT_RISK");
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        WebhookReceiver.Received during = receiver.accepted().get(0);
        assertThat(during.headers().get("webhook-signature").get(0).split(" ")).hasSize(2);
        new Webhook(oldSecret).verify(during.body(), during.headers());
        new Webhook(newSecret).verify(during.body(), during.headers());

        // an hour later: the overlap is over
        database.update("update webhook_subscription set previous_secret_until = now() - interval '1 second' where id = cast(?1 as uuid)", webhook);
        changeStatus("GRACE");
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
        WebhookReceiver.Received after = receiver.accepted().get(1);
        assertThat(after.headers().get("webhook-signature").get(0).split(" ")).hasSize(1);
        new Webhook(newSecret).verify(after.body(), after.headers());
        assertThatThrownBy(() -> new Webhook(oldSecret).verify(after.body(), after.headers())).isNotNull();
        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook).then().statusCode(200)
                .body("$", not(hasKey("previousSecretValidUntil")));
    }

    @Test
    void shouldRotateAChosenSecretAtOnceWithoutShowingItAndOnlyForTheOwningOrganization() {
        String webhook = fx.employerOf(org).body(Map.of("url", receiver.url(), "events", List.of("compliance.status.changed")))
                .post(ORGS + "/" + org + "/webhooks").then().statusCode(201).extract().path("id");
        String rotate = ORGS + "/" + org + "/webhooks/" + webhook + "/rotate-secret";
        String other = fx.createOrganization("Other " + uniqueLearner("o"));

        fx.employerOf(other).body(Map.of()).post(rotate).then().statusCode(404);
        fx.employerOf(other).body(Map.of()).post(ORGS + "/" + other + "/webhooks/" + webhook + "/rotate-secret").then().statusCode(404);
        fx.learner(learner).body(Map.of()).post(rotate).then().statusCode(403);
        fx.employerOf(org).body(Map.of("secret", "short")).post(rotate).then().statusCode(400).body("errors.field", hasItem("secret"));
        fx.employerOf(org).body(Map.of("overlapMinutes", -1)).post(rotate).then().statusCode(400)
                .body("errors.field", hasItem("overlapMinutes"));

        String chosen = "the-next-shared-secret-9876543210";
        fx.employerOf(org).body(Map.of("secret", chosen, "overlapMinutes", 0)).post(rotate).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("$", not(hasKey("previousSecretValidUntil")));
        receiver.verifyingWith(chosen);
        changeStatus("LAPSED");
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).headers().get("webhook-signature").get(0).split(" ")).hasSize(1);
        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook).then().body("secretRotatedAt", notNullValue())
                .body("url", equalTo(receiver.url()));
    }

    private void changeStatus(String status) {
        statuses.set(learner, "CMA_AAMA", status, LocalDate.of(2022, 3, 31), LocalDate.of(2027, 3, 31), BigDecimal.TEN);
    }
}
