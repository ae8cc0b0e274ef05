package org.recert.gateway.devtokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.DevTokensDisabled;

@QuarkusTest
@TestProfile(DevTokensDisabled.class)
class DevTokensAbsentTest {

    @Test
    void shouldNotMintTokensWhereTheMintIsDisabled() {
        given().contentType("application/json")
                .body("{\"sub\":\"ops\",\"groups\":[\"admin\"]}")
                .when().post("/dev/tokens")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldNotPublishTheMintInTheOpenApi() {
        given().when().get("/openapi.json")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/me/dashboard"))
                .body("paths", not(hasKey("/dev/tokens")));
    }
}
