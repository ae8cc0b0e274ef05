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
        numbers.addDeserializer(BigDecimal.class, new Bounded<>(BigDecimal.class, NumberDeserializers.BigDecimalDeserializer.instance));
        numbers.addDeserializer(BigInteger.class, new Bounded<>(BigInteger.class, NumberDeserializers.BigIntegerDeserializer.instance));
        numbers.addDeserializer(Double.class, new Bounded<>(Double.class, new NumberDeserializers.DoubleDeserializer(Double.class, null)));
        numbers.addDeserializer(Double.TYPE, new Bounded<>(Double.TYPE, new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0d)));
        numbers.addDeserializer(Float.class, new Bounded<>(Float.class, new NumberDeserializers.FloatDeserializer(Float.class, null)));
        numbers.addDeserializer(Float.TYPE, new Bounded<>(Float.TYPE, new NumberDeserializers.FloatDeserializer(Float.TYPE, 0f)));
        mapper.registerModule(numbers);
    }

    /**
     * Jackson's own deserializer of a number type, after the number token is checked against {@link NumberBounds}:
     * creating a decimal from {@code 1e400000000} is cheap, only the arithmetic a conversion or constructor does is not.
     */
    private static final class Bounded<T> extends StdScalarDeserializer<T> {

        private final StdScalarDeserializer<T> standard;

        Bounded(Class<T> type, StdScalarDeserializer<T> standard) {
            super(type);
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal value = parser.getDecimalValue();
                if (!NumberBounds.isWithin(value)) {
                    throw new RefusedJsonValue(parser, NumberBounds.MESSAGE, parser.getText(), handledType());
                }
            }
            return standard.deserialize(parser, context);
        }

        @Override
        public T getNullValue(DeserializationContext context) throws JsonMappingException {
            return standard.getNullValue(context);
        }
    }
}
