package org.recert.compliance.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.recert.compliance.employers.EmployerFixtures.uniqueLearner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.compliance.TestDatabase;

/** Consent belongs to a membership: removal ends it, a re-add waits for a new grant, and the learner reads every change. */
@QuarkusTest
class ConsentMembershipTest {

    private static final String ORGS = "/api/v1/compliance/organizations";
    private static final String CMA = "CMA_AAMA";

    @Inject
    EmployerFixtures fx;

    @Inject
    LearnerStatusDriver statuses;

    @Inject
    TestDatabase database;

    private String org;
    private String learner;

    @BeforeEach
    void consentingMember() {
        org = fx.createOrganization("Membership Clinic " + uniqueLearner("o"));
        learner = uniqueLearner("nora");
        fx.addMember(org, learner, "EMP-N");
        fx.consent(learner, org);
        statuses.set(learner, CMA, "AT_RISK", LocalDate.of(2022, 3, 31), LocalDate.of(2027, 3, 31), new BigDecimal("12"));
    }

    @Test
    void shouldEndConsentWhenTheMemberIsRemovedAndWaitForANewGrantWhenReAdded() {
        fx.employerOf(org).get(ORGS + "/" + org + "/members/" + learner).then().statusCode(200).body("[0].status", equalTo("AT_RISK"));

        fx.employerOf(org).delete(ORGS + "/" + org + "/members/" + learner).then().statusCode(204);
        fx.learner(learner).get(consents()).then().statusCode(200).body("items.organizationId", not(contains(org)));

        fx.addMember(org, learner, "EMP-N");
        fx.employerOf(org).get(ORGS + "/" + org + "/members/" + learner).then().statusCode(200)
                .body("[0].consent", equalTo("PENDING")).body("[0]", not(hasKey("status"))).body("[0]", not(hasKey("dueDate")));
        fx.employerOf(org).queryParam("consent", "PENDING").get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items.learnerId", contains(learner)).body("items[0]", not(hasKey("status")));
        fx.employerOf(org).queryParam("status", "AT_RISK").get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items.size()", equalTo(0));
        fx.employerOf(org).body(Map.of("credential", CMA, "learnerIds", List.of(learner))).post("/api/v1/compliance/roster-checks")
                .then().statusCode(200).body("results[0].visible", equalTo(false)).body("results[0]", not(hasKey("status")));
        fx.learner(learner).get(consents()).then().statusCode(200).body("items.consent", contains("PENDING"));

        fx.consent(learner, org);
        fx.employerOf(org).get(ORGS + "/" + org + "/members/" + learner).then().statusCode(200).body("[0].status", equalTo("AT_RISK"));
    }

    @Test
    void shouldLetTheLearnerReadEveryGrantAndWithdrawalNewestFirstAndPaged() {
        fx.learner(learner).delete(consents() + "/" + org).then().statusCode(204);
        fx.consent(learner, org);
        fx.admin().delete(consents() + "/" + org).then().statusCode(204);
        fx.consent(learner, org);
        fx.employerOf(org).delete(ORGS + "/" + org + "/members/" + learner).then().statusCode(204);

        Response first = fx.learner(learner).queryParam("limit", 4).get(consents() + "/events");
        first.then().statusCode(200)
                .body("items.action", contains("WITHDRAWN", "GRANTED", "WITHDRAWN", "GRANTED"))
                .body("items.reason", contains("REMOVED_FROM_ROSTER", "BY_LEARNER", "BY_ADMIN", "BY_LEARNER"))
                .body("items.actorRole", contains("employer", "learner", "admin", "learner"))
                .body("items[0].actorId", equalTo("hr-" + org.substring(0, 8)))
                .body("items[1].actorId", equalTo(learner))
                .body("items[0].organizationId", equalTo(org))
                .body("items[0].organizationName", notNullValue())
                .body("items[0].at", notNullValue())
                .body("nextCursor", notNullValue());
        fx.learner(learner).queryParam("limit", 4).queryParam("cursor", first.<String>path("nextCursor")).get(consents() + "/events")
                .then().statusCode(200)
                .body("items.action", contains("WITHDRAWN", "GRANTED"))
                .body("items.reason", contains("BY_LEARNER", "BY_LEARNER"))
                .body("nextCursor", nullValue());
    }

    @Test
    void shouldKeepTheConsentAuditAppendOnly() {
        assertThatThrownBy(() -> database.update("update learner_consent_log set action = 'GRANTED' where learner_id = ?1", learner))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> database.update("delete from learner_consent_log where learner_id = ?1", learner))
                .hasStackTraceContaining("append-only");
        assertThat(database.count("select count(*) from learner_consent_log where learner_id = ?1", learner)).isEqualTo(1);
    }

    @Test
    void shouldLetOnlyTheLearnerAndAnAdminReadOrWithdrawConsents() {
        String rival = fx.createOrganization("Rival " + uniqueLearner("o"));
        fx.addMember(rival, learner, null);

        fx.employerOf(org).get(consents() + "/events").then().statusCode(403).contentType("application/problem+json");
        fx.employerOf(org).get(consents()).then().statusCode(403);
        fx.employerOf(org).delete(consents() + "/" + org).then().statusCode(403);
        fx.learner("intruder").get(consents() + "/events").then().statusCode(404).contentType("application/problem+json");
        fx.learner("intruder").delete(consents() + "/" + org).then().statusCode(404);
        fx.admin().get(consents() + "/events").then().statusCode(200).body("items.size()", equalTo(1));

        // the rival lists the learner too, but her consent to org is none of its business
        fx.employerOf(rival).get(ORGS + "/" + rival + "/members/" + learner).then().statusCode(200)
                .body("[0].consent", equalTo("PENDING")).body("[0]", not(hasKey("status")));
        fx.employerOf(rival).get(ORGS + "/" + org + "/members/" + learner).then().statusCode(404);
        fx.employerOf(rival).delete(ORGS + "/" + org + "/members/" + learner).then().statusCode(404);
        fx.learner(learner).get(consents()).then().statusCode(200).body("items.consent", contains("GRANTED", "PENDING"));
    }

    @Test
    void shouldAnswerAMalformedAuditCursorOrLimitWith400NamingIt() {
        fx.learner(learner).queryParam("cursor", "not-ours").get(consents() + "/events").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("cursor"));
        fx.learner(learner).queryParam("limit", 0).get(consents() + "/events").then().statusCode(400).body("field", equalTo("limit"));
    }

    private String consents() {
        return "/api/v1/compliance/learners/" + learner + "/consents";
    }
}
