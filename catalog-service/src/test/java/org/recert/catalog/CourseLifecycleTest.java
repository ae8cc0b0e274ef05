package org.recert.catalog;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.platform.security.DevTokens;

@QuarkusTest
class CourseLifecycleTest {

    @Inject
    DevTokens tokens;

    private CatalogApi api;
    private UUID providerId;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(tokens);
        providerId = api.newProvider("Lifecycle Academy");
    }

    @Test
    void shouldCreateADraftWithLocationETagAndItsQualityReview() {
        String location = api.createCourse(api.curator(), CatalogApi.courseBody(providerId, "Vital signs refresher"))
                .then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .header("Location", notNullValue())
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(1))
                .body("providerName", notNullValue())
                .body("credit.amount", equalTo(2))
                .body("credit.categories", hasSize(2))
                .body("approval.number", notNullValue())
                .body("fee.model", equalTo("PER_COURSE"))
                .body("fee.amount", equalTo(30.0f))
                .body("quality.score", equalTo(100))
                .body("quality.findings", hasSize(6))
                .extract().header("Location");

        api.as(api.curator()).get(location.replaceFirst("^https?://[^/]+", ""))
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("title", equalTo("Vital signs refresher"));
    }

    @Test
    void shouldReplaceACourseOnlyWithTheCurrentETag() {
        UUID id = api.draft(CatalogApi.courseBody(providerId, "Vital signs refresher"));
        Map<String, Object> changed = CatalogApi.courseBody(providerId, "Vital signs, revised");

        api.as(api.curator()).body(changed).put(CatalogApi.COURSES + "/" + id)
                .then().statusCode(428).contentType("application/problem+json").body("field", equalTo("If-Match"));
        api.as(api.curator()).header("If-Match", "\"7\"").body(changed).put(CatalogApi.COURSES + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        api.as(api.curator()).header("If-Match", "\"1\"").body(changed).put(CatalogApi.COURSES + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("title", equalTo("Vital signs, revised")).body("version", equalTo(2));
        api.as(api.curator()).header("If-Match", "\"1\"").body(changed).put(CatalogApi.COURSES + "/" + id)
                .then().statusCode(412);
    }

    @Test
    void shouldPublishADraftThenRetireIt() {
        UUID id = api.draft(CatalogApi.courseBody(providerId, "Medical law and ethics"));

        // no body, no Content-Type: a plain POST publishes
        io.restassured.RestAssured.given().auth().oauth2(api.curator()).post(CatalogApi.COURSES + "/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("publishedAt", notNullValue())
                .body("retiredOn", nullValue()).body("version", equalTo(2));
        api.as(api.curator()).post(CatalogApi.COURSES + "/" + id + "/publish")
                .then().statusCode(409).contentType("application/problem+json");
        api.as(api.curator()).header("If-Match", "\"1\"").post(CatalogApi.COURSES + "/" + id + "/retire")
                .then().statusCode(412);
        api.as(api.curator()).header("If-Match", "\"2\"").post(CatalogApi.COURSES + "/" + id + "/retire")
                .then().statusCode(200).body("status", equalTo("RETIRED"))
                .body("retiredOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString())).body("version", equalTo(3));
        api.as(api.curator()).header("If-Match", "\"3\"").body(CatalogApi.courseBody(providerId, "Too late")).put(CatalogApi.COURSES + "/" + id)
                .then().statusCode(409);
        api.get(api.learner(), id).then().statusCode(200).body("status", equalTo("RETIRED"));
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("recert_catalog_courses_published_total"))
                .body(org.hamcrest.Matchers.containsString("recert_catalog_courses_retired_total"));
    }

    @Test
    void shouldNotRetireADraft() {
        UUID id = api.draft(CatalogApi.courseBody(providerId, "Never published"));

        api.as(api.curator()).post(CatalogApi.COURSES + "/" + id + "/retire").then().statusCode(409);
    }

    @Test
    void shouldAnswerTheQualityReviewWithEachCriterionAndItsReason() {
        Map<String, Object> weak = CatalogApi.courseBody(providerId, "Free coding webinar");
        weak.put("fee", Map.of("model", "FREE"));
        weak.remove("approval");
        weak.put("credit", Map.of("amount", 1, "unit", "CONTACT_HOUR", "categories", java.util.List.of(Map.of("category", "ADMINISTRATIVE", "value", 1)), "contactMinutes", 60));
        weak.remove("rationale");
        weak.remove("refundPolicy");
        weak.remove("instructorCredentials");
        UUID id = api.published(weak);

        api.as(api.learner()).get(CatalogApi.COURSES + "/" + id + "/quality")
                .then().statusCode(200)
                .body("score", equalTo(50))
                .body("flags", equalTo(java.util.List.of("FREE_COURSE")))
                .body("findings.criterion", equalTo(java.util.List.of("RATIONALE_STATED", "LEARNING_OUTCOMES_STATED", "INSTRUCTOR_CREDENTIALS",
                        "INSTRUCTIONAL_METHODS", "REASONABLE_FEE", "REFUND_POLICY")))
                .body("findings.met", equalTo(java.util.List.of(false, true, false, true, true, false)))
                .body("findings[0].reason", equalTo("no rationale is given"));
        api.get(api.learner(), id).then().body("quality.score", equalTo(50)).body("fee.amount", equalTo(0.0f)).body("approval", nullValue());
    }

    @Test
    void shouldListProvidersInNameOrderWithACursor() {
        api.as(api.learner()).queryParam("limit", 1).get(CatalogApi.PROVIDERS)
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue());
        api.as(api.learner()).get(CatalogApi.PROVIDERS + "/" + providerId)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("active", equalTo(true));
        api.as(api.curator()).body(CatalogApi.providerBody("Lifecycle Academy " + UUID.randomUUID())).post(CatalogApi.PROVIDERS)
                .then().statusCode(201).header("Location", endsWith("")).body("version", equalTo(1));
    }
}
