package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.recert.compliance.employers.EmployerFixtures.uniqueLearner;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** A slow receiver delays only its own subscription: another organization's webhooks go out meanwhile. */
@QuarkusTest
class WebhookIsolationTest {

    private static final String ORGS = "/api/v1/compliance/organizations";
    private static final int SLOW_MEMBERS = 12;

    @Inject
    EmployerFixtures fx;

    @Inject
    LearnerStatusDriver statuses;

    @Test
    void shouldDeliverToAFastReceiverWhileASlowOneIsStillWorkingThroughItsBacklog() throws Exception {
        try (WebhookReceiver slow = new WebhookReceiver().answeringAfter(Duration.ofMillis(1500));
             WebhookReceiver fast = new WebhookReceiver()) {
            String slowOrg = fx.createOrganization("Slow Clinic " + uniqueLearner("o"));
            String fastOrg = fx.createOrganization("Fast Clinic " + uniqueLearner("o"));
            String slowHook = subscribe(slowOrg, slow);
            subscribe(fastOrg, fast);
            List<String> slowMembers = java.util.stream.IntStream.range(0, SLOW_MEMBERS).mapToObj(i -> member(slowOrg, "s" + i)).toList();
            String fastMember = member(fastOrg, "f");

            for (String learner : slowMembers) {
                changeStatus(learner);
            }
            changeStatus(fastMember);

            await().atMost(Duration.ofSeconds(20)).until(() -> fast.accepted().size() == 1);
            int slowDoneWhenFastArrived = slow.received().size();
            assertThat(fast.accepted().get(0).signatureValid()).isTrue();
            // with shared senders the fast message waited behind the slow backlog: 9 slow answers (6 s) came first
            assertThat(slowDoneWhenFastArrived).as("slow deliveries answered before the fast one arrived").isLessThan(3);

            // and the slow receiver still gets everything, in order per learner
            await().atMost(Duration.ofSeconds(30)).until(() -> slow.accepted().size() == SLOW_MEMBERS);
            assertThat(slow.accepted()).allMatch(WebhookReceiver.Received::signatureValid);
            fx.employerOf(slowOrg).delete(ORGS + "/" + slowOrg + "/webhooks/" + slowHook).then().statusCode(204);
        }
    }

    private String subscribe(String org, WebhookReceiver receiver) {
        JsonPath created = fx.employerOf(org).body(Map.of("url", receiver.url(), "events", List.of("compliance.status.changed")))
                .post(ORGS + "/" + org + "/webhooks").then().statusCode(201).extract().jsonPath();
        receiver.verifyingWith(created.getString("secret"));
        return created.getString("id");
    }

    private String member(String org, String name) {
        String learner = uniqueLearner(name);
        fx.addMember(org, learner, null);
        fx.consent(learner, org);
        return learner;
    }

    private void changeStatus(String learner) {
        statuses.set(learner, "CMA_AAMA", "AT_RISK", LocalDate.of(2022, 3, 31), LocalDate.of(2027, 3, 31), BigDecimal.TEN);
    }
}
