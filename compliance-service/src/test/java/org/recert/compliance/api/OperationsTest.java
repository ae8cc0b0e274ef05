package org.recert.compliance.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recert.compliance.TestEvents;
import org.recert.platform.security.DevTokens;

/** What operators and client developers count on: the OpenAPI document and the metrics. */
@QuarkusTest
class OperationsTest {

    @Inject
    DevTokens tokens;

    @Test
    void shouldDocumentEveryComplianceEndpointUnderTheComplianceTag() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/compliance/credentials'.get.tags", hasItem("Compliance"))
                .body("paths.'/api/v1/compliance/credentials/{code}'.get.summary", notNullValue())
                .body("paths.'/api/v1/compliance/learners/{learnerId}/certifications/{credential}'.put.requestBody", notNullValue())
                .body("paths.'/api/v1/compliance/learners/{learnerId}/certifications/{credential}'.get.summary", notNullValue())
                .body("paths.'/api/v1/compliance/learners/{learnerId}/status'.get.responses.'200'", notNullValue())
                .body("paths.'/api/v1/compliance/learners/{learnerId}/plan'.get.responses.'400'", notNullValue())
                .body("paths.'/api/v1/compliance/admin/projections/rebuild'.post.responses.'202'", notNullValue())
                .body("components.schemas.StatusEvaluation.examples", notNullValue());
    }

    @Test
    void shouldDocumentAsNullableTheDatesALearnerWithoutACertificationLacks() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.StatusEvaluation.properties.dueDate.type", hasItem("null"))
                .body("components.schemas.StatusEvaluation.properties.graceEnd.type", hasItem("null"))
                .body("components.schemas.StatusEvaluation.properties.cycleStart.type", hasItem("null"))
                .body("components.schemas.StatusEvaluation.properties.certifiedOn.type", hasItem("null"))
                .body("components.schemas.StatusEvaluation.properties.daysRemaining.type", hasItem("null"))
                .body("components.schemas.StatusEvaluation.properties.nextStatusChangeOn.type", hasItem("null"))
                .body("components.schemas.Certification.properties.supersededAt.type", hasItem("null"))
                .body("components.schemas.ExcludedCredit.properties.points.type", hasItem("null"));
    }

    @Test
    void shouldDocumentAsNullableTheRuleFiguresACredentialMayNotHave() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.UnitView.properties.maxUnitsPerCycle.type", hasItem("null"))
                .body("components.schemas.Credential.properties.approvedMinimum.type", hasItem("null"))
                .body("components.schemas.Credential.properties.minimumContactMinutes.type", hasItem("null"))
                .body("components.schemas.UnitView.properties.pointsPerUnit.type", hasItem("number"));
    }

    @Test
    void shouldCountEvaluationsAndStatusChanges() {
        String learner = TestEvents.unique("metrics");
        given().auth().oauth2(tokens.mint(learner, Set.of("learner"), null, null, Duration.ofMinutes(5))).contentType(ContentType.JSON)
                .body(Map.of("certifiedOn", "2024-02-10")).put("/api/v1/compliance/learners/{id}/certifications/CMA_AAMA", learner)
                .then().statusCode(201);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("recert_compliance_evaluations_total"))
                .body(containsString("recert_compliance_status_changes_total{credential=\"CMA_AAMA\""));
    }
}
