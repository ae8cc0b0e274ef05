package org.recert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.Suite;
import org.recert.systemtests.conformance.OpenApiConformance;
import org.recert.systemtests.conformance.OpenApiConformance.Exchange;

/**
 * The gate of the conformance check that every other system test runs through ({@link SuiteExtension} installs it
 * for rest-assured; the authorization matrix's gateway is a checked one): it runs last, after every journey, fault
 * and matrix exchange, and fails on any violation that a test thread did not already fail on (a background
 * thread's, say). It also shows that the check can fail: a real answer with one field renamed is a violation.
 */
@ExtendWith(SuiteExtension.class)
@Order(Integer.MAX_VALUE)
class OpenApiConformanceTest {

    private final Suite suite;
    private final Api api;

    OpenApiConformanceTest(Suite suite) {
        this.suite = suite;
        this.api = new Api(suite);
    }

    @Test
    void shouldFindARenamedFieldInARealAnswer() {
        String learner = Api.newLearner("conformance");
        api.certify(learner, LocalDate.now().minusMonths(10));
        String status = api.as(api.learnerToken(learner))
                .get("/api/v1/compliance/learners/{id}/status?credential=" + Api.CMA, learner)
                .then().statusCode(200).extract().asString();
        OpenApiConformance conformance = OpenApiConformance.of(suite.gatewayUrl());
        String path = "/api/v1/compliance/learners/" + learner + "/status?credential=" + Api.CMA;

        assertThat(conformance.check(new Exchange("GET", path, null, null, 200, "application/json", status))).isEmpty();
        assertThat(status).contains("\"dueDate\":");
        List<String> renamed = conformance.check(new Exchange("GET", path, null, null, 200, "application/json",
                status.replace("\"dueDate\":", "\"dueDay\":")));
        assertThat(renamed).singleElement().asString().contains("dueDay");
        assertThat(conformance.check(new Exchange("GET", path, null, null, 418, "application/json", status)))
                .singleElement().asString().contains("status 418 is not documented");
    }

    @Test
    void shouldHaveCheckedEveryExchangeOfTheRunWithoutAViolation() {
        OpenApiConformance conformance = OpenApiConformance.of(suite.gatewayUrl());
        assertThat(RestAssured.filters()).as("the conformance filter is installed").anyMatch(org.recert.systemtests.conformance.ConformanceFilter.class::isInstance);
        // the journeys, faults and the authorization matrix exchange thousands of requests; a handful means the
        // check was bypassed
        assertThat(conformance.checked()).isGreaterThan(200);
        assertThat(conformance.violations()).isEmpty();
    }
}
