package org.recert.catalog;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.recert.platform.security.DevTokens;

/** Test tokens, valid bodies and the calls every catalog test makes, through the real HTTP API. */
public final class CatalogApi {

    public static final String COURSES = "/api/v1/catalog/courses";
    public static final String PROVIDERS = "/api/v1/catalog/providers";

    private final DevTokens tokens;

    public CatalogApi(DevTokens tokens) {
        this.tokens = tokens;
    }

    public String curator() {
        return tokens.mint("cora", Set.of("curator"), null, null, Duration.ofMinutes(10));
    }

    public String admin() {
        return tokens.mint("ops", Set.of("admin"), null, null, Duration.ofMinutes(10));
    }

    public String learner() {
        return tokens.mint("maria", Set.of("learner"), null, null, Duration.ofMinutes(10));
    }

    public String employer() {
        return tokens.mint("hr-carla", Set.of("employer"), "22222222-2222-4222-8222-222222222222", null, Duration.ofMinutes(10));
    }

    public String provider(UUID providerId) {
        return tokens.mint("prov-" + providerId.toString().substring(0, 4), Set.of("provider"), null, providerId.toString(), Duration.ofMinutes(10));
    }

    public RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A new active provider with a unique name. */
    public UUID newProvider(String name) {
        Map<String, Object> body = providerBody(name + " " + UUID.randomUUID().toString().substring(0, 8));
        String id = as(curator()).body(body).post(PROVIDERS).then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static Map<String, Object> providerBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "ONLINE_PLATFORM");
        body.put("aamaStatus", "APPROVED");
        body.put("contactEmail", "ce@example.org");
        body.put("website", "https://example.org/ce");
        return body;
    }

    /** A complete, valid AAMA course of 2 CEUs (1 CLINICAL, 1 GENERAL) at 30 USD that meets every quality criterion. */
    public static Map<String, Object> courseBody(UUID providerId, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("providerId", providerId.toString());
        body.put("description", "A practical review of vital signs measurement and documentation in the outpatient clinic.");
        body.put("format", "ONLINE_WORKSHOP");
        body.put("scope", "GENERAL");
        body.put("credit", new LinkedHashMap<>(Map.of("amount", 2, "unit", "AAMA_CEU",
                "categories", new ArrayList<>(List.of(Map.of("category", "CLINICAL", "value", 1), Map.of("category", "GENERAL", "value", 1))),
                "contactMinutes", 120)));
        body.put("approval", new LinkedHashMap<>(Map.of("body", "AAMA", "number", "AAMA-" + Math.abs(title.hashCode() % 100000),
                "validFrom", "2025-01-01", "validTo", "2027-12-31")));
        body.put("fee", new LinkedHashMap<>(Map.of("model", "PER_COURSE", "amount", 30.00, "currency", "USD")));
        body.put("refundPolicy", "Full refund within 14 days of purchase if the post-test was not taken.");
        body.put("rationale", "Measurement errors in vital signs lead to wrong triage; this course closes the most common gaps.");
        body.put("learningOutcomes", new ArrayList<>(List.of("Measure blood pressure per AHA guidance", "Document vital signs in the EHR correctly")));
        body.put("instructorCredentials", "Dana Reyes, CMA (AAMA), BSN");
        body.put("instructionalMethods", new ArrayList<>(List.of("narrated slides", "case studies", "post-test")));
        return body;
    }

    public Response createCourse(String token, Map<String, Object> body) {
        return as(token).body(body).post(COURSES);
    }

    /** A draft created by a curator; its id. */
    public UUID draft(Map<String, Object> body) {
        return UUID.fromString(createCourse(curator(), body).then().statusCode(201).extract().path("id"));
    }

    /** A published course; its id. */
    public UUID published(Map<String, Object> body) {
        UUID id = draft(body);
        as(curator()).post(COURSES + "/" + id + "/publish").then().statusCode(200);
        return id;
    }

    public Response get(String token, UUID courseId) {
        return as(token).get(COURSES + "/" + courseId);
    }
}
