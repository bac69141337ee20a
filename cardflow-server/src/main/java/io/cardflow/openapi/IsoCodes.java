package io.cardflow.openapi;

import io.cardflow.common.CurrencyCode;
import io.cardflow.common.IsoCountry;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/** Our ISO code constraints, which springdoc cannot read, as the patterns of the codes they accept. */
@Component
class IsoCodes implements PropertyCustomizer {

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (has(type, IsoCountry.class)) {
            property.setPattern("^[A-Z]{2}$");
            property.setMinLength(null);
            property.setExample(property.getExample() != null ? property.getExample() : "US");
            describe(property, "An ISO 3166-1 alpha-2 country code in upper case");
        } else if (has(type, CurrencyCode.class)) {
            property.setPattern("^[A-Z]{3}$");
            property.setMinLength(null);
            property.setExample(property.getExample() != null ? property.getExample() : "USD");
            describe(property, "An ISO 4217 currency code in upper case, one the server supports");
        }
        return property;
    }

    private static boolean has(AnnotatedType type, Class<? extends Annotation> constraint) {
        Annotation[] annotations = type.getCtxAnnotations();
        return annotations != null && Arrays.stream(annotations).anyMatch(constraint::isInstance);
    }

    private static void describe(Schema<?> property, String description) {
        if (property.getDescription() == null) {
            property.setDescription(description);
        }
    }
}
