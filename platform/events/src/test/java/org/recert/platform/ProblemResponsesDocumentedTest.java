package org.recert.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The OpenAPI document promises what the problem mappers answer: problem+json for every documented error. */
@QuarkusTest
class ProblemResponsesDocumentedTest {

    @Test
    void shouldDocumentEveryErrorResponseAsProblemJsonAndEverySecuredOperationsUnauthorized() {
        JsonPath openApi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        List<String> errors = new ArrayList<>();
        List<String> unauthorized = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String name = operation.getKey() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.getValue().get("responses");
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        errors.add(name + " " + code + " -> " + problemSchemaOf(response));
                    }
                });
                if (operation.getValue().containsKey("security")) {
                    Map<String, Object> answer = responses.get("401");
                    unauthorized.add(name + " -> " + (answer == null ? null : answer.get("description")));
                }
            }
        }

        assertThat(errors).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("-> #/components/schemas/Problem"));
        assertThat(unauthorized).isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith("-> No valid bearer token: missing, malformed, forged or expired"));
        assertThat(openApi.getMap("components.schemas")).containsKey("Problem");
    }

    @SuppressWarnings("unchecked")
    private static Object problemSchemaOf(Map<String, Object> response) {
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        if (content == null || !content.containsKey("application/problem+json")) {
            return "no problem+json body";
        }
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content.get("application/problem+json")).get("schema");
        return schema == null ? null : schema.get("$ref");
    }
}
