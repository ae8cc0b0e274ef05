package org.recert.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recert.platform.security.DevTokens;
import org.recert.platform.web.NumberBounds;

/**
 * Numbers sent to stall a worker or break a query: every numeric body field and the {@code maxFee} parameter answer
 * 400 naming the field, bounded before any arithmetic or SQL sees them.
 */
@QuarkusTest
class HostileNumbersTest {

    private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";
    private static final String PLACEHOLDER = "\"number-here\"";

    @Inject
    DevTokens tokens;

    private CatalogApi api;
    private UUID providerId;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(tokens);
        providerId = api.newProvider("Hostile Numbers Institute");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e400000000", "1e-400000000", FORTY_DIGITS })
    void shouldRefuseAnUnboundedNumberInEveryNumericFieldOfACourse(String number) {
        refused(number, "credit.amount", (body, n) -> credit(body).put("amount", n));
        refused(number, "credit.categories[1].value", (body, n) -> credit(body).put("categories",
                List.of(Map.of("category", "CLINICAL", "value", 1), Map.of("category", "GENERAL", "value", n))));
        refused(number, "credit.contactMinutes", (body, n) -> credit(body).put("contactMinutes", n));
        refused(number, "fee.amount", (body, n) -> fee(body).put("amount", n));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e400000000", "1e-400000000", "-1e-400000000", FORTY_DIGITS })
    void shouldRefuseAnUnboundedMaxFeeNamingIt(String number) {
        api.as(api.learner()).queryParam("maxFee", number).get(CatalogApi.COURSES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("maxFee"));
    }

    @Test
    void shouldStillFilterByAnOrdinaryMaxFee() {
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

    private void refused(String number, String field, BiConsumer<Map<String, Object>, String> breakIt) {
        Map<String, Object> body = CatalogApi.courseBody(providerId, "Hostile " + UUID.randomUUID());
        breakIt.accept(body, "number-here");
        api.as(api.curator()).body(json(body).replace(PLACEHOLDER, number)).post(CatalogApi.COURSES)
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> credit(Map<String, Object> body) {
        return (Map<String, Object>) body.get("credit");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fee(Map<String, Object> body) {
        return (Map<String, Object>) body.get("fee");
    }
}
