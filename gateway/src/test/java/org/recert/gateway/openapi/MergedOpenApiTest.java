package org.recert.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.recert.gateway.support.AllServicesUp;

@QuarkusTest
@TestProfile(AllServicesUp.class)
class MergedOpenApiTest {

    @Test
    void shouldMergeThePathsOfEveryServiceAndTheGateway() {
        given().when().get("/openapi.json")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("openapi", startsWith("3.1"))
                .body("paths", hasKey("/api/v1/catalog/things"))
                .body("paths", hasKey("/api/v1/credits/things"))
                .body("paths", hasKey("/api/v1/compliance/things"))
                .body("paths", hasKey("/api/v1/me/dashboard"))
                .body("paths", hasKey("/dev/tokens"))
                .body("paths", not(hasKey("/q/internal")))
                .body("info.description", containsString("All services answered"));
    }

    @Test
    void shouldWriteTheMergedDocumentForTheLinterAndTheClientGenerator() throws java.io.IOException {
        String document = given().when().get("/openapi.json").then().statusCode(200).extract().asString();
        java.nio.file.Path target = java.nio.file.Path.of("target", "merged-openapi.json");
        java.nio.file.Files.writeString(target, document);
        org.assertj.core.api.Assertions.assertThat(target).isNotEmptyFile();
    }

    @Test
    void shouldKeepOneCopyOfSharedSchemasAndOneBearerScheme() {
        given().when().get("/openapi.json")
                .then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Thingcatalog"))
                .body("components.schemas", hasKey("Thingcompliance"))
                .body("components.schemas", hasKey("Dashboard"))
                .body("components.securitySchemes.keySet()", equalTo(java.util.Set.of("bearer")))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/catalog/things'.get.security[0]", hasKey("bearer"))
                .body("security[0]", hasKey("bearer"));
    }

    @Test
    void shouldGroupTagsPerService() {
        given().when().get("/openapi.json")
                .then().statusCode(200)
                .body("tags.name", hasItems("Things of catalog", "Things of credits", "Things of compliance", "Me"))
                .body("'x-tagGroups'.name", hasItems("Gateway", "Catalog", "Credits", "Compliance"));
    }

    @Test
    void shouldServeTheDocumentAsYamlAndAtTheUsualPath() {
        given().when().get("/openapi.yaml")
                .then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("/api/v1/credits/things:"));
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("openapi: 3.1.0"));
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/compliance/things"));
    }

    @Test
    void shouldServeASwaggerUiOverTheMergedDocument() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .contentType(containsString("text/html"));
        given().when().get("/q/swagger-ui/")
                .then().body(containsString("/openapi.json"));
    }
}
