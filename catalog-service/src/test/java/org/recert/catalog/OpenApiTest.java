package org.recert.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every catalog endpoint is in the OpenAPI document, tagged, described, with problem+json errors and examples. */
@QuarkusTest
class OpenApiTest {

    @Test
    void shouldDocumentEveryEndpointWithProblemErrorsAndExamples() {
        var openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        openapi.body("paths", hasKey("/api/v1/catalog/courses"))
                .body("paths", hasKey("/api/v1/catalog/courses/{id}"))
                .body("paths", hasKey("/api/v1/catalog/courses/{id}/publish"))
                .body("paths", hasKey("/api/v1/catalog/courses/{id}/retire"))
                .body("paths", hasKey("/api/v1/catalog/courses/{id}/quality"))
                .body("paths", hasKey("/api/v1/catalog/providers"))
                .body("paths", hasKey("/api/v1/catalog/providers/{id}"))
                .body("paths.'/api/v1/catalog/courses'.get.tags", hasItem("Catalog"))
                .body("paths.'/api/v1/catalog/courses'.get.summary", equalTo("Search courses"))
                .body("paths.'/api/v1/catalog/courses'.post.responses.'400'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/catalog/courses'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/catalog/courses/{id}'.put.responses.'412'.content", hasKey("application/problem+json"))
                .body("components.schemas.Course.properties.title.examples", notNullValue());
    }
}
