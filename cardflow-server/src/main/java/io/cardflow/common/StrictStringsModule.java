package io.cardflow.common;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string field of every request passes here: only JSON strings are accepted (no silent number-to-text
 * coercion), and control characters or broken UTF-16 are refused, so hostile text never reaches a log line
 * or the database (PostgreSQL would fail on a NUL byte).
 */
@Component
public class StrictStringsModule extends SimpleModule {

    public StrictStringsModule() {
        super("cardflow-strict-strings");
        addDeserializer(String.class, new StrictStringDeserializer());
    }

    static final class StrictStringDeserializer extends StdScalarDeserializer<String> {

        StrictStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = parser.getString();
            String problem = TextRules.problemWith(value);
            if (problem != null) {
                throw new RejectedValueException(parser, problem);
            }
            return value;
        }
    }
}
