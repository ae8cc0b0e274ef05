package org.recert.compliance.employers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.recert.compliance.employers.EmployerFixtures.uniqueLearner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmployerAccessTest {

    private static final String ORGS = "/api/v1/compliance/organizations";
    private static final String CMA = "CMA_AAMA";
    private static final LocalDate CYCLE_START = LocalDate.of(2022, 3, 31);
    private static final LocalDate DUE = LocalDate.of(2027, 3, 31);

    @Inject
    EmployerFixtures fx;

    @Inject
    LearnerStatusDriver statuses;

    private String org;
    private String otherOrg;

    @BeforeEach
    void organizations() {
        org = fx.createOrganization("Care Clinic " + uniqueLearner("o"));
        otherOrg = fx.createOrganization("Rival Clinic " + uniqueLearner("o"));
    }

    @Test
    void shouldLetAnAdminCreateAnOrganizationAndItsEmployerReadOnlyItsOwn() {
        fx.admin().body(Map.of("name", "Northside Health")).post(ORGS)
                .then().statusCode(201).header("Location", containsString("/api/v1/compliance/organizations/"))
                .body("name", equalTo("Northside Health")).body("id", notNullValue());

        fx.employerOf(org).get(ORGS + "/" + org).then().statusCode(200).body("id", equalTo(org));
        fx.employerOf(org).get(ORGS).then().statusCode(200).body("items.id", contains(org)).body("nextCursor", nullValue());
        fx.employerOf(org).get(ORGS + "/" + otherOrg).then().statusCode(404).contentType("application/problem+json");
        fx.admin().get(ORGS + "/" + otherOrg).then().statusCode(200);
    }

    @Test
    void shouldDenyOrganizationsToCallersWithoutTheRightToken() {
        given().get(ORGS + "/" + org).then().statusCode(401).contentType("application/problem+json");
        fx.learner("maria").get(ORGS + "/" + org).then().statusCode(403).contentType("application/problem+json");
        fx.employerOf(org).body(Map.of("name", "Self-made")).post(ORGS).then().statusCode(403);
        fx.admin().body(Map.of("name", " ")).post(ORGS).then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void shouldPageOrganizationsForAnAdmin() {
        Response first = fx.admin().queryParam("limit", 1).get(ORGS);
        first.then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", notNullValue());
        String cursor = first.path("nextCursor");
        fx.admin().queryParam("limit", 1).queryParam("cursor", cursor).get(ORGS)
                .then().statusCode(200).body("items[0].id", not(equalTo(first.path("items[0].id"))));
    }

    @Test
    void shouldShowAMemberWithoutConsentAsPendingAndNothingElse() {
        String learner = uniqueLearner("maria");
        fx.addMember(org, learner, "EMP-1");
        statuses.set(learner, CMA, "AT_RISK", CYCLE_START, DUE, new BigDecimal("12.5"));

        Map<String, Object> entry = fx.employerOf(org).get(ORGS + "/" + org + "/roster")
                .then().statusCode(200).extract().path("items[0]");
        assertThat(entry).containsOnlyKeys("learnerId", "staffRef", "consent").containsEntry("consent", "PENDING")
                .containsEntry("staffRef", "EMP-1");

        fx.consent(learner, org);

        fx.employerOf(org).get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items[0].consent", equalTo("GRANTED"))
                .body("items[0].status", equalTo("AT_RISK"))
                .body("items[0].credential", equalTo(CMA))
                .body("items[0].dueDate", equalTo("2027-03-31"))
                .body("items[0].shortfall", equalTo(12.5f))
                .body("items[0]", not(hasKey("counted")))
                .body("items[0]", not(hasKey("requirements")));
    }

    @Test
    void shouldHideAMemberAtOnceWhenConsentIsWithdrawn() {
        String learner = uniqueLearner("james");
        fx.addMember(org, learner, null);
        fx.consent(learner, org);
        statuses.set(learner, CMA, "ON_TRACK", CYCLE_START, DUE, new BigDecimal("30"));
        fx.employerOf(org).get(ORGS + "/" + org + "/members/" + learner).then().statusCode(200).body("[0].status", equalTo("ON_TRACK"));

        fx.learner(learner).delete("/api/v1/compliance/learners/" + learner + "/consents/" + org).then().statusCode(204);

        fx.employerOf(org).get(ORGS + "/" + org + "/members/" + learner).then().statusCode(200)
                .body("[0].consent", equalTo("PENDING")).body("[0]", not(hasKey("status")));
        fx.employerOf(org).body(Map.of("credential", CMA, "learnerIds", List.of(learner))).post("/api/v1/compliance/roster-checks")
                .then().statusCode(200).body("results[0].visible", equalTo(false)).body("results[0]", not(hasKey("status")));
    }

    @Test
    void shouldLetALearnerSeeWhichOrganizationsHoldTheirConsentAndNobodyElse() {
        String learner = uniqueLearner("ana");
        fx.addMember(otherOrg, learner, null);
        fx.consent(learner, org);
        fx.learner(learner).body(Map.of("organizationId", org)).post("/api/v1/compliance/learners/" + learner + "/consents")
                .then().statusCode(200).body("consent", equalTo("GRANTED"));

        fx.learner(learner).get("/api/v1/compliance/learners/" + learner + "/consents").then().statusCode(200)
                .body("items.organizationId", contains(org, otherOrg))
                .body("items.consent", contains("GRANTED", "PENDING"));
        fx.admin().get("/api/v1/compliance/learners/" + learner + "/consents").then().statusCode(200);
        fx.learner("intruder").get("/api/v1/compliance/learners/" + learner + "/consents").then().statusCode(404);
        fx.employerOf(org).get("/api/v1/compliance/learners/" + learner + "/consents").then().statusCode(403);
        fx.learner("intruder").body(Map.of("organizationId", otherOrg)).post("/api/v1/compliance/learners/" + learner + "/consents")
                .then().statusCode(404);
        fx.employerOf(otherOrg).body(Map.of("organizationId", otherOrg)).post("/api/v1/compliance/learners/" + learner + "/consents")
                .then().statusCode(403);

        fx.learner(learner).body(Map.of("organizationId", org)).delete("/api/v1/compliance/learners/" + learner + "/consents")
                .then().statusCode(204);
        fx.learner(learner).get("/api/v1/compliance/learners/" + learner + "/consents").then().statusCode(200)
                .body("items.organizationId", contains(otherOrg));
    }

    @Test
    void shouldFilterSortAndPageTheRosterWithoutSkippingOrRepeating() {
        String[] status = { "AT_RISK", "ON_TRACK", "AT_RISK", "COMPLIANT", "AT_RISK", "GRACE" };
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < status.length; i++) {
            String learner = uniqueLearner("m" + i);
            learners.add(learner);
            fx.addMember(org, learner, "S-" + i);
            fx.consent(learner, org);
            statuses.set(learner, CMA, status[i], CYCLE_START, DUE.minusMonths(i), BigDecimal.valueOf(i));
        }
        fx.addMember(org, uniqueLearner("pending"), null);

        fx.employerOf(org).queryParam("status", "AT_RISK").get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items.learnerId", contains(learners.get(4), learners.get(2), learners.get(0)));
        fx.employerOf(org).queryParam("status", "GRACE,COMPLIANT").queryParam("dueBefore", "2027-01-01")
                .get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items.learnerId", contains(learners.get(5), learners.get(3)));
        fx.employerOf(org).queryParam("consent", "PENDING").get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].consent", equalTo("PENDING"));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = fx.employerOf(org).queryParam("limit", 2).queryParam("sort", "dueDate");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(ORGS + "/" + org + "/roster");
            page.then().statusCode(200);
            paged.addAll(page.path("items.learnerId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(paged).hasSize(7).doesNotHaveDuplicates();
        assertThat(paged.subList(0, 6)).containsExactly(learners.get(5), learners.get(4), learners.get(3), learners.get(2),
                learners.get(1), learners.get(0));
    }

    @Test
    void shouldShowAConsentingMemberWithoutAnyCertificationAsNoCertification() {
        String learner = uniqueLearner("new");
        fx.addMember(org, learner, null);
        fx.consent(learner, org);

        fx.employerOf(org).queryParam("credential", CMA).get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items[0].consent", equalTo("GRANTED")).body("items[0].credential", equalTo(CMA))
                .body("items[0].status", equalTo("NO_CERTIFICATION")).body("items[0]", not(hasKey("dueDate")));
        fx.employerOf(org).queryParam("status", "NO_CERTIFICATION").get(ORGS + "/" + org + "/roster").then().statusCode(200)
                .body("items.learnerId", contains(learner));
        fx.employerOf(org).body(Map.of("credential", "RMA_AMT", "learnerIds", List.of(learner)))
                .post("/api/v1/compliance/roster-checks").then().statusCode(200)
                .body("results[0].visible", equalTo(true)).body("results[0].status", equalTo("NO_CERTIFICATION"));
    }

    @Test
    void shouldExportTheWholeRosterAsCsv() {
        String learner = uniqueLearner("csv");
        fx.addMember(org, learner, "EMP-9");
        fx.consent(learner, org);
        statuses.set(learner, CMA, "AT_RISK", CYCLE_START, DUE, new BigDecimal("4"));
        String pending = uniqueLearner("csvpending");
        fx.addMember(org, pending, null);

        String csv = fx.employerOf(org).accept("text/csv").get(ORGS + "/" + org + "/roster")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).containsExactly(
                "learnerId,staffRef,consent,credential,status,cycleStart,dueDate,daysRemaining,shortfall",
                learner + ",EMP-9,GRANTED,CMA_AAMA,AT_RISK,2022-03-31,2027-03-31,"
                        + java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(java.time.ZoneOffset.UTC), DUE) + ",4",
                pending + ",,PENDING,,,,,,");
    }

    @Test
    void shouldAnswerARosterCheckOnlyForConsentingMembersOfTheCallersOrganization() {
        String consenting = uniqueLearner("c");
        String pending = uniqueLearner("p");
        String stranger = uniqueLearner("s");
        String elsewhere = uniqueLearner("e");
        fx.addMember(org, consenting, "EMP-C");
        fx.consent(consenting, org);
        fx.addMember(org, pending, "EMP-P");
        fx.addMember(otherOrg, elsewhere, null);
        fx.consent(elsewhere, otherOrg);
        statuses.set(consenting, CMA, "COMPLIANT", CYCLE_START, DUE, BigDecimal.ZERO);
        statuses.set(elsewhere, CMA, "LAPSED", CYCLE_START, DUE, BigDecimal.TEN);

        fx.employerOf(org).body(Map.of("credential", CMA, "learnerIds", List.of(consenting, pending, stranger, elsewhere)))
                .post("/api/v1/compliance/roster-checks").then().statusCode(200)
                .body("results.learnerId", contains(consenting, pending, stranger, elsewhere))
                .body("results.visible", contains(true, false, false, false))
                .body("results[0].status", equalTo("COMPLIANT"))
                .body("results[0].dueDate", equalTo("2027-03-31"))
                .body("results[0].shortfall", equalTo(0))
                .body("results[1]", equalTo(Map.of("learnerId", pending, "visible", false)))
                .body("results[3]", equalTo(Map.of("learnerId", elsewhere, "visible", false)));

        fx.employerOf(org).body(Map.of("credential", CMA, "staffRefs", List.of("EMP-P", "EMP-C", "EMP-X")))
                .post("/api/v1/compliance/roster-checks").then().statusCode(200)
                .body("results.staffRef", contains("EMP-P", "EMP-C", "EMP-X"))
                .body("results.visible", contains(false, true, false))
                .body("results[1].learnerId", equalTo(consenting));

        fx.admin().body(Map.of("credential", CMA, "learnerIds", List.of(consenting), "organizationId", org))
                .post("/api/v1/compliance/roster-checks").then().statusCode(200).body("results[0].visible", equalTo(true));
        fx.learner(consenting).body(Map.of("credential", CMA, "learnerIds", List.of(consenting)))
                .post("/api/v1/compliance/roster-checks").then().statusCode(403);
        fx.employerOf(org).body(Map.of("credential", CMA, "learnerIds", List.of(consenting), "organizationId", otherOrg))
                .post("/api/v1/compliance/roster-checks").then().statusCode(404);
    }

    @Test
    void shouldRejectARosterCheckOverTheLimitOrWithMalformedInput() {
        List<String> tooMany = IntStream.rangeClosed(1, 1001).mapToObj(i -> "l" + i).toList();
        fx.employerOf(org).body(Map.of("credential", CMA, "learnerIds", tooMany)).post("/api/v1/compliance/roster-checks")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("learnerIds"));
        List<String> exactly = IntStream.rangeClosed(1, 1000).mapToObj(i -> "l" + i).toList();
        fx.employerOf(org).body(Map.of("credential", CMA, "learnerIds", exactly)).post("/api/v1/compliance/roster-checks")
                .then().statusCode(200).body("results.size()", equalTo(1000));

        fx.employerOf(org).body(Map.of("credential", CMA, "learnerIds", List.of("ok", "not an id!")))
                .post("/api/v1/compliance/roster-checks").then().statusCode(400).body("field", containsString("learnerIds"));
        fx.employerOf(org).body(Map.of("credential", "NOPE", "learnerIds", List.of("ok")))
                .post("/api/v1/compliance/roster-checks").then().statusCode(400).body("field", equalTo("credential"));
        fx.employerOf(org).body(Map.of("credential", CMA, "learnerIds", List.of("a"), "staffRefs", List.of("b")))
                .post("/api/v1/compliance/roster-checks").then().statusCode(400).body("field", equalTo("learnerIds"));
        fx.employerOf(org).body(Map.of("credential", CMA)).post("/api/v1/compliance/roster-checks")
                .then().statusCode(400).body("field", equalTo("learnerIds"));
    }

    @Test
    void shouldAnswerMalformedIdsAndFiltersWith400NamingTheField() {
        fx.admin().get(ORGS + "/not-a-uuid").then().statusCode(400).contentType("application/problem+json").body("field", equalTo("orgId"));
        fx.employerOf(org).body(Map.of()).put(ORGS + "/" + org + "/members/bad id!").then().statusCode(400).body("field", equalTo("learnerId"));
        fx.employerOf(org).body(Map.of("staffRef", "x".repeat(65))).put(ORGS + "/" + org + "/members/ok-id")
                .then().statusCode(400).body("errors.field", hasItem("staffRef"));
        fx.learner("maria").body(Map.of("organizationId", "nope")).post("/api/v1/compliance/learners/maria/consents")
                .then().statusCode(400).body("field", equalTo("organizationId"));
        fx.employerOf(org).queryParam("status", "SOMEWHAT").get(ORGS + "/" + org + "/roster").then().statusCode(400).body("field", equalTo("status"));
        fx.employerOf(org).queryParam("dueBefore", "tomorrow").get(ORGS + "/" + org + "/roster").then().statusCode(400).body("field", equalTo("dueBefore"));
        fx.employerOf(org).queryParam("limit", 0).get(ORGS + "/" + org + "/roster").then().statusCode(400).body("field", equalTo("limit"));
        fx.employerOf(org).queryParam("cursor", "garbage").get(ORGS + "/" + org + "/roster").then().statusCode(400).body("field", equalTo("cursor"));
        fx.employerOf(org).queryParam("sort", "name").get(ORGS + "/" + org + "/roster").then().statusCode(400).body("field", equalTo("sort"));
    }

    @Test
    void shouldKeepAnEmployerOutOfAnotherOrganizationsRoster() {
        String learner = uniqueLearner("x");
        fx.addMember(otherOrg, learner, null);
        fx.employerOf(org).body(Map.of()).put(ORGS + "/" + otherOrg + "/members/" + learner).then().statusCode(404);
        fx.employerOf(org).delete(ORGS + "/" + otherOrg + "/members/" + learner).then().statusCode(404);
        fx.employerOf(org).get(ORGS + "/" + otherOrg + "/roster").then().statusCode(404);
        fx.employerOf(org).accept("text/csv").get(ORGS + "/" + otherOrg + "/roster").then().statusCode(404);
        fx.employerOf(org).get(ORGS + "/" + otherOrg + "/members/" + learner).then().statusCode(404);
        fx.as("hr-none", Set.of("employer"), null).get(ORGS + "/" + org + "/roster").then().statusCode(404);
        fx.learner(learner).get(ORGS + "/" + otherOrg + "/roster").then().statusCode(403);
        given().get(ORGS + "/" + org + "/roster").then().statusCode(401);
        fx.admin().get(ORGS + "/" + otherOrg + "/roster").then().statusCode(200).body("items[0].learnerId", equalTo(learner));
    }

    @Test
    void shouldAnswer401WithoutATokenOnEveryEmployerEndpoint() {
        String some = java.util.UUID.randomUUID().toString();
        given().contentType("application/json").body("{}").post(ORGS).then().statusCode(401);
        given().get(ORGS).then().statusCode(401);
        given().contentType("application/json").body("{}").put(ORGS + "/" + org + "/members/maria").then().statusCode(401);
        given().delete(ORGS + "/" + org + "/members/maria").then().statusCode(401);
        given().accept("text/csv").get(ORGS + "/" + org + "/roster").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/v1/compliance/roster-checks").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/v1/compliance/learners/maria/consents").then().statusCode(401);
        given().get("/api/v1/compliance/learners/maria/consents").then().statusCode(401);
        given().delete("/api/v1/compliance/learners/maria/consents/" + org).then().statusCode(401);
        given().contentType("application/json").body("{}").post(ORGS + "/" + org + "/webhooks").then().statusCode(401);
        given().get(ORGS + "/" + org + "/webhooks").then().statusCode(401);
        given().get(ORGS + "/" + org + "/webhooks/" + some + "/deliveries").then().statusCode(401);
        given().post(ORGS + "/" + org + "/webhooks/" + some + "/deliveries/" + some + "/replay").then().statusCode(401);
    }

    @Test
    void shouldKeepAnEmployerOutOfAnotherOrganizationsWebhookLog() {
        String webhook = fx.employerOf(org).body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("compliance.status.changed")))
                .post(ORGS + "/" + org + "/webhooks").then().statusCode(201).extract().path("id");
        fx.employerOf(otherOrg).get(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries").then().statusCode(404);
        fx.employerOf(otherOrg).get(ORGS + "/" + otherOrg + "/webhooks/" + webhook + "/deliveries").then().statusCode(404);
        fx.employerOf(otherOrg).post(ORGS + "/" + otherOrg + "/webhooks/" + webhook + "/deliveries/" + webhook + "/replay")
                .then().statusCode(404);
        fx.learner("maria").get(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries").then().statusCode(403);
        fx.employerOf(org).get(ORGS + "/" + org + "/webhooks/" + webhook + "/deliveries").then().statusCode(200);
        fx.employerOf(org).delete(ORGS + "/" + org + "/webhooks/" + webhook).then().statusCode(204);
    }

    @Test
    void shouldDocumentEveryEmployerEndpointInTheOpenApi() {
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/compliance/organizations/{orgId}/roster:", "/api/v1/compliance/roster-checks:",
                "/api/v1/compliance/learners/{learnerId}/consents:", "/api/v1/compliance/organizations/{orgId}/webhooks/{webhookId}/deliveries:",
                "text/csv", "RosterCheckResult", "Employers");
    }

    @Test
    void shouldKeepStaffReferencesUniqueWithinAnOrganization() {
        String first = uniqueLearner("f");
        fx.addMember(org, first, "EMP-SAME");
        fx.employerOf(org).body(Map.of("staffRef", "EMP-SAME")).put(ORGS + "/" + org + "/members/" + uniqueLearner("g"))
                .then().statusCode(409);
        fx.employerOf(org).body(Map.of("staffRef", "EMP-NEW")).put(ORGS + "/" + org + "/members/" + first)
                .then().statusCode(200).body("staffRef", equalTo("EMP-NEW"));
        fx.addMember(otherOrg, uniqueLearner("h"), "EMP-SAME");
        fx.employerOf(org).delete(ORGS + "/" + org + "/members/" + first).then().statusCode(204);
        fx.employerOf(org).get(ORGS + "/" + org + "/members/" + first).then().statusCode(404);
    }
}
