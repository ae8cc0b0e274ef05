package org.recert.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recert.platform.problem.Problem;
import org.recert.platform.problem.ProblemException;
import org.recert.platform.problem.ProblemMappers;
import org.recert.platform.problem.RefusedJsonValue;

/** The bounds every service's JSON reader applies, before any record constructor runs. */
class BoundedJsonTest {

    private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";

    record Amount(BigDecimal value, String unit) {
        Amount {
            // what a record constructor may do: trivial for a bounded number, minutes for 1e400000000
            value = value == null ? null : value.setScale(Math.max(0, value.scale()));
        }
    }

    record Credit(Amount amount, Integer contactMinutes, BigInteger serial, Double weight, List<Amount> parts) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        // as Quarkus configures it: unknown properties are skipped, not refused
        ObjectMapper mapper = new ObjectMapper().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new BoundedJson().customize(mapper);
        new StorableText().customize(mapper);
        return mapper;
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e10000000", "1e400000000", "1E+400000000", "1e-400000000", "-1e-400000000", "0e400000000",
            "0.000000000000000000000000000000000000001", FORTY_DIGITS, FORTY_DIGITS + ".5" })
    void shouldRefuseADecimalOutOfBoundsNamingItsField(String number) {
        String body = "{\"amount\":{\"value\":" + number + ",\"unit\":\"AAMA_CEU\"}}";
        Problem problem = problemOf(body);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).isEqualTo("amount.value");
        assertThat(problem.detail()).contains(NumberBounds.MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "serial", "weight" })
    void shouldBoundNumbersReadIntoOtherTypes(String field) {
        assertThatThrownBy(() -> json.readValue("{\"" + field + "\":1e400000000}", Credit.class))
                .isInstanceOf(RefusedJsonValue.class);
        assertThat(problemOf("{\"" + field + "\":" + FORTY_DIGITS + "}").field()).isEqualTo(field);
    }

    @Test
    void shouldAnswerAWholeNumberOutOfRangeNamingItsField() {
        Problem problem = problemOf("{\"contactMinutes\":" + FORTY_DIGITS + "}");
        assertThat(problem.field()).isEqualTo("contactMinutes");
        assertThat(problemOf("{\"contactMinutes\":1e400000000}").field()).isEqualTo("contactMinutes");
    }

    @Test
    void shouldNameTheFieldInsideAnArray() {
        assertThat(problemOf("{\"parts\":[{\"value\":1},{\"value\":1e400000000}]}").field()).isEqualTo("parts[1].value");
    }

    @Test
    void shouldReadNumbersWithinBoundsAsTheyAre() throws Exception {
        Credit credit = json.readValue("{\"amount\":{\"value\":12.50,\"unit\":\"AAMA_CEU\"},\"contactMinutes\":120,"
                + "\"serial\":12345678901234567890,\"weight\":1e30}", Credit.class);
        assertThat(credit.amount().value()).isEqualByComparingTo("12.5");
        assertThat(credit.contactMinutes()).isEqualTo(120);
        assertThat(credit.serial()).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(credit.weight()).isEqualTo(1e30);
        assertThat(json.readValue("{\"weight\":null}", Credit.class).weight()).isNull();
    }

    @Test
    void shouldRefuseAKeyGivenTwiceNamingIt() {
        Problem problem = problemOf("{\"amount\":{\"value\":1,\"value\":999,\"unit\":\"AAMA_CEU\"}}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).isEqualTo("amount.value");
        assertThat(problem.detail()).contains("twice");
    }

    @Test
    void shouldStillAnswerTruncatedJsonAsAMalformedBody() {
        Problem problem = problemOf("{\"amount\": ");
        assertThat(problem.field()).isEqualTo("body");
        assertThat(problem.type()).isEqualTo("/problems/malformed-body");
    }

    @Test
    void shouldRefuseDeepNestingAsAMalformedBody() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        Problem problem = problemOf("{\"unknown\":" + deep + "}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).isEqualTo("body");
        assertThat(problem.detail()).contains("deeper than the limit");
    }

    @Test
    void shouldRefuseANumberTooLongToRead() {
        Problem problem = problemOf("{\"amount\":{\"value\":" + "9".repeat(5_000) + "}}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains(NumberBounds.MESSAGE);
    }

    @Test
    void shouldParseABoundedDecimalParameter() {
        assertThat(NumberBounds.parse(" 25.00 ", "maxFee")).isEqualByComparingTo("25");
        assertThat(NumberBounds.parse("1e30", "maxFee")).isEqualByComparingTo("1000000000000000000000000000000");
        assertThat(NumberBounds.parse("", "maxFee")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e400000000", "1e-400000000", FORTY_DIGITS, "twenty", "1e", "NaN" })
    void shouldRefuseAnUnboundedOrMalformedDecimalParameterNamingIt(String text) {
        assertThatThrownBy(() -> NumberBounds.parse(text, "maxFee"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.toProblem().field()).isEqualTo("maxFee");
                });
    }

    private Problem problemOf(String body) {
        try {
            json.readValue(body, Credit.class);
        } catch (JacksonException e) {
            Response response = new ProblemMappers().jackson(e, null);
            return (Problem) response.getEntity();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + body);
    }
}
