package org.recert.systemtests.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recert.devstack.KeycloakServer;
import org.recert.devstack.Suite;
import org.recert.systemtests.SuiteExtension;

/** Tokens of the real Keycloak realm: the gateway and each service accept them, with the roles and claims they carry. */
@ExtendWith(SuiteExtension.class)
class KeycloakTokensTest {

    private static final String CARE_CLINIC = "22222222-2222-4222-8222-222222222222";

    private final Suite suite;

    KeycloakTokensTest(Suite suite) {
        this.suite = suite;
    }

    @Test
    void shouldAcceptTheRealmsTokensWithTheRolesOfRealmAccess() {
        String maria = suite.keycloak().passwordGrant("maria", KeycloakServer.DEMO_PASSWORD);
        String status = "/api/v1/compliance/learners/maria/status?credential=CMA_AAMA";
        given().auth().oauth2(maria).get(suite.gatewayUrl() + status).then().statusCode(200)
                .body("learnerId", equalTo("maria"));
        // the service checks the token again, on its own
        given().auth().oauth2(maria).get(suite.serviceUrl("compliance") + status).then().statusCode(200);
        // her roles are a learner's only: someone else's status and the catalog's curation stay closed
        given().auth().oauth2(maria).get(suite.gatewayUrl() + "/api/v1/compliance/learners/james/status?credential=CMA_AAMA")
                .then().statusCode(404);
        given().auth().oauth2(maria).contentType("application/json").body("{}")
                .post(suite.gatewayUrl() + "/api/v1/catalog/courses").then().statusCode(403);

        // an employer's org claim comes from her user attribute
        String carla = suite.keycloak().passwordGrant("hr-carla", KeycloakServer.DEMO_PASSWORD);
        given().auth().oauth2(carla).get(suite.gatewayUrl() + "/api/v1/compliance/organizations/" + CARE_CLINIC + "/roster")
                .then().statusCode(200);
    }
}
