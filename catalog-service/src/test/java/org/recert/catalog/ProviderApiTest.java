package org.recert.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.recert.platform.security.DevTokens;

@QuarkusTest
class ProviderApiTest {

    @Inject
    DevTokens tokens;

    @Test
    void shouldPageThroughAllProvidersByNameWithoutRepeats() {
        CatalogApi api = new CatalogApi(tokens);
        UUID first = api.newProvider("Paging Provider, Inc.");
        UUID second = api.newProvider("Paging Provider: second");
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = api.as(api.learner()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(CatalogApi.PROVIDERS).then().statusCode(200).extract().response();
            ids.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);

        assertThat(ids).doesNotHaveDuplicates().contains(first.toString(), second.toString());
    }

    @Test
    void shouldReplaceAProviderOnlyWithTheCurrentETag() {
        CatalogApi api = new CatalogApi(tokens);
        UUID id = api.newProvider("ETag Provider");
        Map<String, Object> changed = CatalogApi.providerBody("ETag Provider renamed " + UUID.randomUUID());
        changed.put("active", false);

        api.as(api.curator()).body(changed).put(CatalogApi.PROVIDERS + "/" + id).then().statusCode(428);
        api.as(api.curator()).header("If-Match", "\"5\"").body(changed).put(CatalogApi.PROVIDERS + "/" + id).then().statusCode(412);
        api.as(api.curator()).header("If-Match", "\"1\"").body(changed).put(CatalogApi.PROVIDERS + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("active", equalTo(false));

        api.createCourse(api.curator(), CatalogApi.courseBody(id, "Course of an inactive provider"))
                .then().statusCode(400).body("field", equalTo("providerId"));
        api.as(api.learner()).queryParam("active", "false").queryParam("limit", 100).get(CatalogApi.PROVIDERS)
                .then().statusCode(200).body("items.active", org.hamcrest.Matchers.everyItem(equalTo(false)));
        api.as(api.learner()).get(CatalogApi.PROVIDERS + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        api.as(api.learner()).get(CatalogApi.PROVIDERS + "/nope").then().statusCode(400).body("field", equalTo("id"));
    }
}
