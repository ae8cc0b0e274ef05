package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.recert.compliance.employers.EmployerFixtures.uniqueLearner;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.recert.compliance.TestEvents;

/**
 * Employers see who vouches for what counts: per member on the roster and in the webhook, points by provider report,
 * attached evidence and the learner's word, and whether the learner set their certification date themselves; the
 * learner's status says it per counted credit.
 */
@QuarkusTest
class ProvenanceTest {

    private static final String ORGS = "/api/v1/compliance/organizations";

    @Inject
    EmployerFixtures fx;

    @Test
    void shouldShowEmployersHowMuchOfTheCountedCreditRestsOnTheLearnersWord() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String org = fx.createOrganization("Provenance Clinic " + uniqueLearner("o"));
            fx.subscribeToStatusChanges(org, receiver);
            seeProvenance(org, receiver);
        }
    }

    private void seeProvenance(String org, WebhookReceiver receiver) {
        String learner = uniqueLearner("vouched");
        fx.addMember(org, learner, "EMP-12");
        fx.consent(learner, org);
        LocalDate certifiedOn = LocalDate.now(ZoneOffset.UTC).minusYears(2);
        fx.learner(learner).body(Map.of("certifiedOn", certifiedOn.toString()))
                .put("/api/v1/compliance/learners/" + learner + "/certifications/CMA_AAMA").then().statusCode(201)
                .body("selfReported", equalTo(true));
        await().atMost(TestEvents.PATIENCE).until(() -> receiver.accepted().size() == 1);

        String day = certifiedOn.plusMonths(3).toString();
        TestEvents.sendCredit(learner, "CreditRecorded", vouched(TestEvents.aamaCredit(learner + "-p", learner, 1, "ACTIVE", day, "20",
                "ADMINISTRATIVE"), "PROVIDER_REPORTED"));
        TestEvents.sendCredit(learner, "CreditRecorded", vouched(TestEvents.aamaCredit(learner + "-e", learner, 1, "ACTIVE", day, "20",
                "CLINICAL"), "EVIDENCE_ATTACHED"));
        // an event written before verification existed: a learner's entry without evidence is their word
        TestEvents.sendCredit(learner, "CreditRecorded", TestEvents.aamaCredit(learner + "-s", learner, 1, "ACTIVE", day, "20", "GENERAL"));
        await().atMost(TestEvents.PATIENCE).until(() -> receiver.accepted().size() == 2);

        JsonNode provenance = receiver.accepted().get(1).json().path("data").path("provenance");
        assertThat(receiver.accepted().get(1).json().path("data").path("newStatus").asText()).isEqualTo("COMPLIANT");
        assertThat(provenance.path("providerReportedPoints").decimalValue()).isEqualByComparingTo("20");
        assertThat(provenance.path("evidenceAttachedPoints").decimalValue()).isEqualByComparingTo("20");
        assertThat(provenance.path("selfReportedPoints").decimalValue()).isEqualByComparingTo("20");
        assertThat(provenance.path("certificationSelfReported").asBoolean()).isTrue();
        receiver.received().forEach(r -> WebhookBodySchema.assertValid(r.body()));

        fx.employerOf(org).get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items[0].provenance.providerReportedPoints", equalTo(20))
                .body("items[0].provenance.evidenceAttachedPoints", equalTo(20))
                .body("items[0].provenance.selfReportedPoints", equalTo(20))
                .body("items[0].provenance.certificationSelfReported", equalTo(true));
        fx.employerOf(org).body(Map.of("credential", "CMA_AAMA", "learnerIds", List.of(learner))).post("/api/v1/compliance/roster-checks")
                .then().statusCode(200).body("results[0].provenance.selfReportedPoints", equalTo(20));

        JsonPath status = fx.learner(learner).get("/api/v1/compliance/learners/" + learner + "/status?credential=CMA_AAMA")
                .then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("counted.find { it.creditId == '" + TestEvents.id(learner + "-p") + "' }.verification"))
                .isEqualTo("PROVIDER_REPORTED");
        assertThat(status.getString("counted.find { it.creditId == '" + TestEvents.id(learner + "-e") + "' }.verification"))
                .isEqualTo("EVIDENCE_ATTACHED");
        assertThat(status.getString("counted.find { it.creditId == '" + TestEvents.id(learner + "-s") + "' }.verification"))
                .isEqualTo("SELF_REPORTED");
    }

    private static String vouched(String credit, String verification) {
        return credit.replace("\"source\":\"LEARNER_REPORTED\"", "\"source\":\"LEARNER_REPORTED\",\"verification\":\"" + verification + "\"");
    }
}
