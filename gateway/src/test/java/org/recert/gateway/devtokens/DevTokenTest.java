package org.recert.gateway.devtokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.AllServicesUp;

@QuarkusTest
@TestProfile(AllServicesUp.class)
class DevTokenTest {

    @Test
    void shouldMintATokenTheGatewayAccepts() {
        String token = given().contentType("application/json")
                .body("{\"sub\":\"james\",\"groups\":[\"learner\"]}")
                .when().post("/dev/tokens")
                .then().statusCode(200)
                .body("token", notNullValue())
                .extract().path("token");
        given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/catalog/echo")
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void shouldRefuseAnUnknownRoleNamingTheField() {
        given().contentType("application/json")
                .body("{\"sub\":\"james\",\"groups\":[\"superuser\"]}")
                .when().post("/dev/tokens")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.startsWith("groups"));
    }
}
