package org.recert.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recert.platform.problem.Problem;
import org.recert.platform.problem.ProblemMappers;

/** Every request parameter type of the kit: a good value, a bad one answered 400 naming the parameter, odd encodings. */
class RequestParametersTest {

    private static final RequestParameters PARAMETERS = new RequestParameters();

    /** An enum of the wire vocabulary, as platform/contracts declares them. */
    enum Category {
        ADMINISTRATIVE, CLINICAL, GENERAL
    }

    /** The parameters of a resource method as JAX-RS declares them; only their annotations are read. */
    @SuppressWarnings("unused")
    void resource(@PathParam("courseId") UUID courseId, @QueryParam("asOf") LocalDate asOf, @QueryParam("free") Boolean free,
            @QueryParam("minQuality") @Range(min = 0, max = 100) Integer minQuality, @QueryParam("page") Integer page,
            @QueryParam("budget") @Range(min = 0, max = 1000, maxScale = 2) BigDecimal budget,
            @QueryParam("category") Category category, @HeaderParam("X-Provider") UUID provider, String body) {
    }

    @Test
    void shouldConvertGoodValues() {
        UUID id = UUID.randomUUID();
        assertThat(convert(UUID.class, 0, id.toString())).isEqualTo(id);
        assertThat(convert(LocalDate.class, 1, "2026-01-31")).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(convert(Boolean.class, 2, "true")).isEqualTo(Boolean.TRUE);
        assertThat(convert(Boolean.class, 2, "false")).isEqualTo(Boolean.FALSE);
        assertThat(convert(Integer.class, 3, "70")).isEqualTo(70);
        assertThat(convert(Integer.class, 4, "-3")).isEqualTo(-3);
        assertThat(convert(BigDecimal.class, 5, "99.50")).isEqualTo(new BigDecimal("99.50"));
        assertThat(convert(Category.class, 6, "CLINICAL")).isEqualTo(Category.CLINICAL);
        assertThat(convert(UUID.class, 7, id.toString())).isEqualTo(id);
    }

    @Test
    void shouldTakeABlankValueAsAbsentAndIgnoreSurroundingSpace() {
        assertThat(convert(UUID.class, 0, "")).isNull();
        assertThat(convert(Category.class, 6, "   ")).isNull();
        assertThat(convert(Category.class, 6, " GENERAL ")).isEqualTo(Category.GENERAL);
    }

    @Test
    void shouldRefuseBadValuesNamingTheParameterWhereverItIs() {
        assertRefused(UUID.class, 0, "not-a-uuid", "courseId", "must be a UUID");
        assertRefused(UUID.class, 0, "1-2-3-4-5", "courseId", "must be a UUID");
        assertRefused(LocalDate.class, 1, "2026-02-30", "asOf", "must be an ISO date");
        assertRefused(LocalDate.class, 1, "31/01/2026", "asOf", "must be an ISO date");
        assertRefused(Boolean.class, 2, "yes", "free", "must be true or false");
        assertRefused(Boolean.class, 2, "TRUE", "free", "must be true or false");
        assertRefused(Integer.class, 3, "101", "minQuality", "must be between 0 and 100");
        assertRefused(Integer.class, 3, "-1", "minQuality", "must be between 0 and 100");
        assertRefused(Integer.class, 3, "7.5", "minQuality", "must be a whole number between 0 and 100");
        assertRefused(Integer.class, 4, "99999999999", "page", "must be a whole number");
        assertRefused(BigDecimal.class, 5, "-1", "budget", "must be between 0 and 1000 with at most 2 decimals");
        assertRefused(BigDecimal.class, 5, "10.001", "budget", "with at most 2 decimals");
        assertRefused(BigDecimal.class, 5, "1e400000000", "budget", NumberBounds.MESSAGE);
        assertRefused(BigDecimal.class, 5, "ten", "budget", "must be a decimal number");
        assertRefused(Category.class, 6, "clinical", "category", "must be one of [ADMINISTRATIVE, CLINICAL, GENERAL]");
        assertRefused(UUID.class, 7, "nope", "X-Provider", "must be a UUID");
    }

    @ParameterizedTest
    @ValueSource(strings = { "%00", "2026-01-31%00", "%E2%80%8B", "%C3%A9", "%D9%A1%D9%A2", "%27%20or%201%3D1--", "%F0%9F%98%80",
            "%25", "%2F..%2F" })
    void shouldRefusePercentEncodedOddValuesWithoutEchoingThem(String encoded) {
        String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        for (int index : new int[] { 0, 1, 2, 3, 6 }) {
            Class<?> type = index == 0 ? UUID.class : index == 1 ? LocalDate.class : index == 2 ? Boolean.class
                    : index == 3 ? Integer.class : Category.class;
            Problem problem = refusal(type, index, decoded);
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.detail()).doesNotContain(decoded.strip());
        }
    }

    @Test
    void shouldRefuseAValueLongerThanAnyGoodOneFast() {
        String huge = "9".repeat(100_000);
        assertRefused(Integer.class, 4, huge, "page", "must be a whole number");
        assertRefused(LocalDate.class, 1, huge, "asOf", "must be an ISO date");
        assertRefused(UUID.class, 0, huge, "courseId", "must be a UUID");
    }

    @Test
    void shouldLeaveBodiesAndUnknownTypesToJaxRs() throws Exception {
        Annotation[][] annotations = method().getParameterAnnotations();
        assertThat(PARAMETERS.getConverter(String.class, String.class, annotations[8])).isNull();
        assertThat(PARAMETERS.getConverter(StringBuilder.class, StringBuilder.class, annotations[2])).isNull();
    }

    @Test
    void shouldAnswerTheRefusalAsProblemJsonThroughTheMappers() {
        WebApplicationException refused = refusedException(UUID.class, 0, "x");
        Response response = new ProblemMappers().webApplication(refused, null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.field()).isEqualTo("courseId");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("courseId", "must be a UUID"));
    }

    private static void assertRefused(Class<?> type, int index, String value, String name, String message) {
        Problem problem = refusal(type, index, value);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).isEqualTo(name);
        assertThat(problem.detail()).startsWith(name + ": ").contains(message);
    }

    private static Problem refusal(Class<?> type, int index, String value) {
        return (Problem) new ProblemMappers().webApplication(refusedException(type, index, value), null).getEntity();
    }

    private static WebApplicationException refusedException(Class<?> type, int index, String value) {
        try {
            convert(type, index, value);
        } catch (WebApplicationException e) {
            assertThat(e.getResponse().getStatus()).isEqualTo(400);
            return e;
        }
        throw new AssertionError(value + " was accepted as " + type.getSimpleName());
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object convert(Class type, int index, String value) {
        try {
            ParamConverter<?> converter = PARAMETERS.getConverter(type, type, method().getParameterAnnotations()[index]);
            assertThat(converter).isNotNull();
            return converter.fromString(value);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method method() throws NoSuchMethodException {
        return RequestParametersTest.class.getDeclaredMethod("resource", UUID.class, LocalDate.class, Boolean.class, Integer.class,
                Integer.class, BigDecimal.class, Category.class, UUID.class, String.class);
    }
}
