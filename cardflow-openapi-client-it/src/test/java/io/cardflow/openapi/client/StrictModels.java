package io.cardflow.openapi.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.cardflow.openapi.client.model.Problem;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Holds every answer to the document rather than to the generated client's leniency: a property the document does
 * not declare fails the call, and so does a property it declares required (a {@code @Nonnull} getter) but the
 * answer lacks.
 */
final class StrictModels {

    private static final String MODELS = Problem.class.getPackageName();

    private StrictModels() {
    }

    static ObjectMapper strict(ObjectMapper lenient) {
        return lenient.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .registerModule(new SimpleModule("required-properties").setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                                                                  JsonDeserializer<?> deserializer) {
                        return bean.getBeanClass().getPackageName().equals(MODELS) ? new RequiredChecking(deserializer) : deserializer;
                    }
                }));
    }

    private static final class RequiredChecking extends DelegatingDeserializer {

        RequiredChecking(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new RequiredChecking(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object model = super.deserialize(parser, context);
            for (Method getter : model.getClass().getDeclaredMethods()) {
                if (getter.isAnnotationPresent(jakarta.annotation.Nonnull.class) && getter.getParameterCount() == 0
                        && getter.getName().startsWith("get") && value(getter, model) == null) {
                    throw new IllegalStateException(model.getClass().getSimpleName() + " lacks the required property of "
                            + getter.getName() + "(): " + model);
                }
            }
            return model;
        }

        private static Object value(Method getter, Object model) {
            try {
                return getter.invoke(model);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
