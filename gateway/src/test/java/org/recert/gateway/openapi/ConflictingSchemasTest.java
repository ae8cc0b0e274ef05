package org.recert.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.ConflictingSchemas;

@QuarkusTest
@TestProfile(ConflictingSchemas.class)
class ConflictingSchemasTest {

    @Test
    void shouldRefuseToPublishADocumentWhoseSameNamedSchemasDiffer() {
        given().when().get("/openapi.json")
                .then().statusCode(503)
                .contentType(containsString("application/problem+json"))
                .body("title", equalTo("Service unavailable"))
                .body("detail", allOf(containsString("broken"),
                        containsString("components/schemas/Shared of credits differs from catalog's"),
                        containsString("components/schemas/Shared of compliance differs from catalog's")));
        given().when().get("/q/openapi").then().statusCode(503);
    }
}
