package org.recert.platform.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import org.recert.platform.problem.RefusedJsonValue;

/**
 * Refuses text that PostgreSQL cannot store (the NUL character) where it enters: in the JSON body, so that the
 * 400 names the field instead of the database failing the write later.
 */
@Singleton
public class StorableText implements ObjectMapperCustomizer {

    public static final String NUL_MESSAGE = "must not contain the NUL character (\\u0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("recert-storable-text").addDeserializer(String.class, new NoNulStrings()));
    }

    /** Whether {@code text} can be stored as PostgreSQL text. */
    public static boolean isStorable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }

    private static final class NoNulStrings extends StdScalarDeserializer<String> {

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (!isStorable(text)) {
                throw new RefusedJsonValue(parser, NUL_MESSAGE, text, String.class);
            }
            return text;
        }
    }
}
