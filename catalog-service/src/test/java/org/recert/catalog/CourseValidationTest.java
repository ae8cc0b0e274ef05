package org.recert.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.recert.platform.security.DevTokens;
import org.recert.platform.web.NumberBounds;

/**
 * Bad input answers 400 problem+json naming the field, and writes nothing; numbers sent to stall a worker or break a
 * query (1e400000000 and the like) are bounded before any arithmetic or SQL sees them.
 */
@QuarkusTest
class CourseValidationTest {

    private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";
    private static final String NUMBER_HERE = "number-here";

    @Inject
    DevTokens tokens;

    @Inject
    EntityManager entityManager;

    private CatalogApi api;
    private UUID providerId;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(tokens);
        providerId = api.newProvider("Validation Institute");
    }

    static Stream<Arguments> badCourses() {
        return Stream.of(
                bad("negative credit", "credit.amount", b -> credit(b).put("amount", -2)),
                bad("absurd credit", "credit.amount", b -> {
                    credit(b).put("amount", 500);
                    credit(b).put("categories", List.of(Map.of("category", "CLINICAL", "value", 500)));
                    credit(b).put("contactMinutes", 30000);
                }),
                bad("a split that does not add up", "credit.categories", b -> credit(b).put("categories", List.of(Map.of("category", "CLINICAL", "value", 1)))),
                bad("a split with a negative part", "credit.categories[1].value", b -> credit(b).put("categories",
                        List.of(Map.of("category", "CLINICAL", "value", 3), Map.of("category", "GENERAL", "value", -1)))),
                bad("too many decimals", "credit.amount", b -> credit(b).put("amount", 2.125)),
                bad("unknown format", "format", b -> b.put("format", "PODCAST")),
                bad("unknown unit", "credit.unit", b -> credit(b).put("unit", "POINTS")),
                bad("unknown category", "credit.categories[0].category", b -> credit(b).put("categories",
                        List.of(Map.of("category", "SURGICAL", "value", 2)))),
                bad("unknown fee model", "fee.model", b -> fee(b).put("model", "DONATION")),
                bad("approval without a number", "approval.number", b -> approval(b).remove("number")),
                bad("AAMA CEUs without an approval", "approval", b -> b.remove("approval")),
                bad("a fee on a free course", "fee.amount", b -> fee(b).put("model", "FREE")),
                bad("a paid course without a fee", "fee.amount", b -> fee(b).remove("amount")),
                bad("another currency", "fee.currency", b -> fee(b).put("currency", "EUR")),
                bad("an oversize title", "title", b -> b.put("title", "T".repeat(201))),
                bad("an oversize description", "description", b -> b.put("description", "D".repeat(5001))),
                bad("too many outcomes", "learningOutcomes", b -> b.put("learningOutcomes", java.util.Collections.nCopies(21, "Apply the order of draw"))),
                bad("an oversize outcome", "learningOutcomes[0]", b -> b.put("learningOutcomes", List.of("O".repeat(501)))),
                bad("a missing title", "title", b -> b.remove("title")),
                bad("a specialty course without its specialty", "specialty", b -> b.put("scope", "SPECIALTY")),
                bad("an unknown provider", "providerId", b -> b.put("providerId", UUID.randomUUID().toString())),
                bad("a CPR card from a workshop", "credit.unit", b -> {
                    b.remove("approval");
                    credit(b).put("unit", "CPR_CARD");
                    credit(b).put("amount", 1);
                    credit(b).put("categories", List.of(Map.of("category", "CLINICAL", "value", 1)));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCourses")
    void shouldRejectABadCourseNamingTheFieldAndWriteNothing(String name, String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> body = CatalogApi.courseBody(providerId, "Bad course " + UUID.randomUUID());
        breakIt.accept(body);
        long before = courses();

        api.createCourse(api.curator(), body)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));

        assertThat(courses()).isEqualTo(before);
    }

    @Test
    void shouldRejectABadReplacementAndKeepTheCourseAsItWas() {
        UUID id = api.draft(CatalogApi.courseBody(providerId, "Stable course"));
        Map<String, Object> bad = CatalogApi.courseBody(providerId, "Changed title");
        credit(bad).put("categories", List.of(Map.of("category", "CLINICAL", "value", 5)));

        api.as(api.curator()).header("If-Match", "\"1\"").body(bad).put(CatalogApi.COURSES + "/" + id)
                .then().statusCode(400).body("field", equalTo("credit.categories"));

        api.get(api.curator(), id).then().statusCode(200).body("title", equalTo("Stable course")).body("version", equalTo(1));
    }

    @Test
    void shouldRejectMalformedJsonAndBadParametersAsProblems() {
        api.as(api.curator()).body("{\"title\": ").post(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("body"));
        api.as(api.learner()).get(CatalogApi.COURSES + "/not-a-uuid").then().statusCode(400).body("field", equalTo("id"));
        api.as(api.learner()).queryParam("limit", 101).get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("limit"));
        api.as(api.learner()).queryParam("category", "SURGICAL").get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("category"));
        api.as(api.learner()).queryParam("approval", "MAYBE").get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("approval"));
        api.as(api.learner()).queryParam("sort", "price").get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("sort"));
        api.as(api.learner()).queryParam("maxFee", "cheap").get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("maxFee"));
        api.as(api.learner()).queryParam("minQuality", 101).get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("minQuality"));
        api.as(api.learner()).queryParam("cursor", "garbage!").get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("cursor"));
        api.as(api.learner()).queryParam("free", "yes").get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("free"));
        api.as(api.learner()).queryParam("status", "GONE").get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("status"));
        api.as(api.learner()).queryParam("limit", "ten").get(CatalogApi.COURSES).then().statusCode(400).body("field", equalTo("limit"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u0000", "1-2-3-4-5", "\u00e9t\u00e9", "' or 1=1--", "\ud83d\ude00" })
    void shouldRefuseOddParameterValuesNamingTheParameter(String odd) {
        api.as(api.learner()).queryParam("providerId", odd).get(CatalogApi.COURSES)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("providerId"));
        api.as(api.learner()).queryParam("format", odd).get(CatalogApi.COURSES)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("format"));
    }

    @Test
    void shouldAnswerNotModifiedWhenTheClientHoldsTheCurrentVersion() {
        UUID id = api.draft(CatalogApi.courseBody(providerId, "Cached course " + UUID.randomUUID()));
        api.as(api.curator()).header("If-None-Match", "\"1\"").get(CatalogApi.COURSES + "/" + id)
                .then().statusCode(304).header("ETag", "\"1\"");
        api.as(api.curator()).header("If-None-Match", "\"0\"").get(CatalogApi.COURSES + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id.toString()));
    }

    @Test
    void shouldRejectABadProviderNamingTheField() {
        Map<String, Object> body = CatalogApi.providerBody("Bad provider " + UUID.randomUUID());
        body.put("website", "not a url");
        api.as(api.curator()).body(body).post(CatalogApi.PROVIDERS).then().statusCode(400).body("errors.field", hasItem("website"));
        body.put("website", "https://example.org");
        body.put("kind", "CASINO");
        api.as(api.curator()).body(body).post(CatalogApi.PROVIDERS).then().statusCode(400).body("field", equalTo("kind"));
        body.put("kind", "COLLEGE");
        api.as(api.curator()).body(body).post(CatalogApi.PROVIDERS).then().statusCode(201);
        api.as(api.curator()).body(body).post(CatalogApi.PROVIDERS).then().statusCode(409);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e400000000", "1e-400000000", FORTY_DIGITS })
    void shouldRefuseAnUnboundedNumberInEveryNumericFieldOfACourse(String number) {
        refusedNumber(number, "credit.amount", (body, n) -> credit(body).put("amount", n));
        refusedNumber(number, "credit.categories[1].value", (body, n) -> credit(body).put("categories",
                List.of(Map.of("category", "CLINICAL", "value", 1), Map.of("category", "GENERAL", "value", n))));
        refusedNumber(number, "credit.contactMinutes", (body, n) -> credit(body).put("contactMinutes", n));
        refusedNumber(number, "fee.amount", (body, n) -> fee(body).put("amount", n));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e400000000", "1e-400000000", "-1e-400000000", FORTY_DIGITS })
    void shouldRefuseAnUnboundedMaxFeeNamingIt(String number) {
        api.as(api.learner()).queryParam("maxFee", number).get(CatalogApi.COURSES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("maxFee"));
        api.as(api.learner()).queryParam("maxFee", "25.50").get(CatalogApi.COURSES).then().statusCode(200);
        api.as(api.learner()).queryParam("maxFee", "1e3").get(CatalogApi.COURSES).then().statusCode(200);
    }

    @Test
    void shouldRefuseAKeyGivenTwiceNamingIt() {
        String body = json(CatalogApi.courseBody(providerId, "Twice " + UUID.randomUUID()))
                .replaceFirst("\"title\":", "\"title\":\"First title\",\"title\":");
        api.as(api.curator()).body(body).post(CatalogApi.COURSES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("title"))
                .body("detail", containsString("twice"));
    }

    /** The course with one number written as {@code number}, as sent: 400 naming {@code field}, bounded before any arithmetic. */
    private void refusedNumber(String number, String field, BiConsumer<Map<String, Object>, String> breakIt) {
        Map<String, Object> body = CatalogApi.courseBody(providerId, "Hostile " + UUID.randomUUID());
        breakIt.accept(body, NUMBER_HERE);
        api.as(api.curator()).body(json(body).replace("\"" + NUMBER_HERE + "\"", number)).post(CatalogApi.COURSES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field))
                .body("detail", containsString(field.endsWith("contactMinutes") ? "" : NumberBounds.MESSAGE));
    }

    private static String json(Map<String, Object> body) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long courses() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("select count(*) from course").getSingleResult()).longValue());
    }

    private static Arguments bad(String name, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(name, field, breakIt);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> credit(Map<String, Object> body) {
        return (Map<String, Object>) body.get("credit");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fee(Map<String, Object> body) {
        return (Map<String, Object>) body.get("fee");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> approval(Map<String, Object> body) {
        return (Map<String, Object>) body.get("approval");
    }
}
