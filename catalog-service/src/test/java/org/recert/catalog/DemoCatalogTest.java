package org.recert.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.recert.contracts.Topics;
import org.recert.contracts.CourseEvent;
import org.recert.catalog.demo.DemoCatalog;
import org.recert.devstack.test.TopicProbe;
import org.recert.platform.security.DevTokens;

/** The starter catalog loads through the services (published, with events) and loads once. */
@QuarkusTest
class DemoCatalogTest {

    private static final String AAMA_ELEARNING = "11111111-1111-4111-8111-111111111111";
    private static final String CPR_COURSE = "3c000000-0000-4000-8000-000000000024";

    @Inject
    DemoCatalog demo;

    @Inject
    DevTokens tokens;

    @Test
    void shouldLoadTheStarterCatalogOnceAndPublishIt() {
        demo.load();
        DemoCatalog.Loaded again = demo.load();

        assertThat(again.providers()).isZero();
        assertThat(again.courses()).isZero();
        CatalogApi api = new CatalogApi(tokens);
        api.as(api.learner()).get(CatalogApi.PROVIDERS + "/" + AAMA_ELEARNING).then().statusCode(200).body("name", equalTo("AAMA e-Learning Center"));
        List<Map<String, Object>> aamaCourses = api.as(api.learner()).queryParam("providerId", AAMA_ELEARNING).queryParam("limit", 100)
                .get(CatalogApi.COURSES).then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(aamaCourses).hasSize(14).allMatch(c -> "PUBLISHED".equals(c.get("status")));
        api.get(api.learner(), java.util.UUID.fromString(CPR_COURSE)).then().statusCode(200)
                .body("format", equalTo("CPR_CERTIFICATION")).body("credit.unit", equalTo("CPR_CARD"));
        assertThat(TopicProbe.readUntil(Topics.CATALOG_COURSE, Duration.ofSeconds(60), all -> all.stream().anyMatch(m -> m.key().equals(CPR_COURSE))))
                .filteredOn(m -> m.key().equals(CPR_COURSE)).extracting(m -> m.header("ce_type")).containsExactly(CourseEvent.PUBLISHED);
    }

    @Test
    void shouldOfferEnoughAamaCreditInEveryCategoryToCloseACmaGap() {
        demo.load();
        CatalogApi api = new CatalogApi(tokens);
        for (String category : List.of("ADMINISTRATIVE", "CLINICAL", "GENERAL")) {
            JsonPath page = api.as(api.learner()).queryParam("approval", "AAMA").queryParam("category", category).queryParam("limit", 100)
                    .get(CatalogApi.COURSES).then().statusCode(200).extract().jsonPath();
            BigDecimal points = BigDecimal.ZERO;
            for (Map<String, Object> course : page.<Map<String, Object>>getList("items")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> credit = (Map<String, Object>) course.get("credit");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> parts = (List<Map<String, Object>>) credit.get("categories");
                for (Map<String, Object> part : parts) {
                    if (category.equals(part.get("category"))) {
                        points = points.add(new BigDecimal(part.get("value").toString()));
                    }
                }
            }
            // a CMA (AAMA) needs 10 points per category; the demo offers more so that a planner has choices
            assertThat(points).as(category).isGreaterThanOrEqualTo(new BigDecimal("14"));
        }
        List<Integer> freeScores = api.as(api.learner()).queryParam("free", "true").queryParam("limit", 100).get(CatalogApi.COURSES)
                .then().statusCode(200).extract().jsonPath().getList("items.quality.score");
        assertThat(freeScores).isNotEmpty().anyMatch(score -> score < 50);
    }
}
