package org.recert.platform.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import org.recert.platform.problem.RefusedJsonValue;

/**
 * Bounds every JSON body before any record constructor or arithmetic sees it: numbers by {@link NumberBounds}
 * (text length, digits before and after the point, whatever Java type they are read into), nesting depth, text
 * length, and one value per key (a second {@code "amount"} is refused, not silently the one that wins).
 */
@Singleton
public class BoundedJson implements ObjectMapperCustomizer {

    /** Levels of objects and arrays at most; Recert's bodies use a handful. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Characters of one JSON text at most; the longest text field of any Recert body is 5,000. */
    public static final int MAX_TEXT_LENGTH = 100_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(NumberBounds.MAX_TEXT_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_TEXT_LENGTH)
                .build());
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        SimpleModule numbers = new SimpleModule("recert-bounded-numbers");
        numbers.addDeserializer(BigDecimal.class, new BoundedDecimal());
        numbers.addDeserializer(BigInteger.class, new BoundedInteger());
        BoundedDouble doubles = new BoundedDouble(Double.class);
        numbers.addDeserializer(Double.class, doubles);
        numbers.addDeserializer(Double.TYPE, new BoundedDouble(Double.TYPE));
        numbers.addDeserializer(Float.class, new BoundedFloat(Float.class));
        numbers.addDeserializer(Float.TYPE, new BoundedFloat(Float.TYPE));
        mapper.registerModule(numbers);
    }

    /** A JSON number token's value as a decimal, refused when out of bounds; null for any other token. */
    private static BigDecimal boundedNumber(JsonParser parser, Class<?> target) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return null;
        }
        // creating the decimal is cheap for any exponent; only arithmetic on it is not
        BigDecimal value = parser.getDecimalValue();
        if (!NumberBounds.isWithin(value)) {
            throw new RefusedJsonValue(parser, NumberBounds.MESSAGE, parser.getText(), target);
        }
        return value;
    }

    private static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal number = boundedNumber(parser, BigDecimal.class);
            return number != null ? number : NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
        }
    }

    private static final class BoundedInteger extends StdScalarDeserializer<BigInteger> {

        BoundedInteger() {
            super(BigInteger.class);
        }

        @Override
        public BigInteger deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            boundedNumber(parser, BigInteger.class);
            return NumberDeserializers.BigIntegerDeserializer.instance.deserialize(parser, context);
        }
    }

    private static final class BoundedDouble extends StdScalarDeserializer<Double> {

        private final NumberDeserializers.DoubleDeserializer standard;

        BoundedDouble(Class<Double> type) {
            super(type);
            this.standard = new NumberDeserializers.DoubleDeserializer(type, type.isPrimitive() ? 0d : null);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            boundedNumber(parser, Double.class);
            return standard.deserialize(parser, context);
        }

        @Override
        public Double getNullValue(DeserializationContext context) throws JsonMappingException {
            return standard.getNullValue(context);
        }
    }

    private static final class BoundedFloat extends StdScalarDeserializer<Float> {

        private final NumberDeserializers.FloatDeserializer standard;

        BoundedFloat(Class<Float> type) {
            super(type);
            this.standard = new NumberDeserializers.FloatDeserializer(type, type.isPrimitive() ? 0f : null);
        }

        @Override
        public Float deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            boundedNumber(parser, Float.class);
            return standard.deserialize(parser, context);
        }

        @Override
        public Float getNullValue(DeserializationContext context) throws JsonMappingException {
            return standard.getNullValue(context);
        }
    }
}
