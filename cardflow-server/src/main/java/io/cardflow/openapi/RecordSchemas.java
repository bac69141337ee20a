package io.cardflow.openapi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Remembers which record each schema was made from, so that {@link SchemaRules} can tell which properties a response
 * always has. Responses leave out null values (and Problem empty lists), so a component is always present unless it is
 * {@link Nullable}, an Optional, or an empty-able collection of a record that leaves out empty values.
 */
@Component
class RecordSchemas implements ModelConverter {

    private static final String SCHEMAS = "#/components/schemas/";

    /**
     * Shared by every instance: swagger's converter chain is one per JVM, so when several servers run in one JVM (the
     * integration tests) the instance that sees the schemas may belong to another server's context than the one
     * asking. Schema names map to the same records in every context.
     */
    private static final Map<String, Class<?>> RECORDS = new ConcurrentHashMap<>();

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        if (resolved != null) {
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            String name = resolved.getName() != null ? resolved.getName()
                    : resolved.get$ref() != null && resolved.get$ref().startsWith(SCHEMAS)
                    ? resolved.get$ref().substring(SCHEMAS.length()) : null;
            if (raw.isRecord() && name != null) {
                RECORDS.putIfAbsent(name, raw);
            }
        }
        return resolved;
    }

    /** The JSON properties always present when the record of this schema is written; empty when not a record. */
    Optional<Set<String>> alwaysPresent(String schemaName) {
        Class<?> record = RECORDS.get(schemaName);
        if (record == null) {
            return Optional.empty();
        }
        JsonInclude inclusion = record.getAnnotation(JsonInclude.class);
        boolean leavesOutEmpty = inclusion != null && inclusion.value() == JsonInclude.Include.NON_EMPTY;
        return Optional.of(Arrays.stream(record.getRecordComponents())
                .filter(component -> component.getAccessor().getAnnotation(JsonIgnore.class) == null)
                .filter(component -> !mayBeAbsent(component, leavesOutEmpty))
                .map(RecordSchemas::jsonName)
                .collect(Collectors.toSet()));
    }

    private static boolean mayBeAbsent(RecordComponent component, boolean leavesOutEmpty) {
        Class<?> type = component.getType();
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                || component.getAccessor().getAnnotatedReturnType().isAnnotationPresent(Nullable.class)
                || type == Optional.class
                || leavesOutEmpty && (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isArray());
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }
}
