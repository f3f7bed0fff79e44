package org.opencustoms.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Request bodies mean one thing only: a key given twice is malformed JSON (rather than whichever copy the
 * parser keeps), and text may not hold NUL, which PostgreSQL cannot store and no real filing contains.
 * Both are refused as 400 problems instead of failing later in the database.
 */
@Singleton
public class UnambiguousJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("no-nul-text").addDeserializer(String.class, new NoNulText()));
    }

    static final class NoNulText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, "text may not contain NUL (U+0000)");
            }
            return text;
        }
    }
}
