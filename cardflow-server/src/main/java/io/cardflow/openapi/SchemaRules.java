package io.cardflow.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rules over every schema, run after the other customizers have added theirs:
 * <ul>
 * <li>request schemas refuse unknown properties, as the server does (a 422 naming the field);</li>
 * <li>response schemas list as {@code required} the properties they always have (see {@link RecordSchemas});
 *     a schema used by requests too keeps the request's {@code required};</li>
 * <li>patterns are anchored: Bean Validation matches the whole value, JSON Schema any part of it.</li>
 * </ul>
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SchemaRules implements OpenApiCustomizer {

    private final RecordSchemas records;

    SchemaRules(RecordSchemas records) {
        this.records = records;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Set<String> requests = SchemaGraph.requestSchemas(openApi);
        Set<String> responses = SchemaGraph.responseSchemas(openApi);
        openApi.getComponents().getSchemas().forEach((name, schema) -> {
            if (requests.contains(name) && schema.getProperties() != null) {
                schema.setAdditionalProperties(false);
            } else if (responses.contains(name) && schema.getProperties() != null) {
                records.alwaysPresent(name).ifPresent(present -> {
                    Set<String> required = new TreeSet<>(present);
                    required.retainAll(schema.getProperties().keySet());
                    schema.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
                });
            }
            SchemaGraph.forEachInline(schema, SchemaRules::anchorPattern);
        });
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> SchemaGraph.forEachInline(parameter.getSchema(), SchemaRules::anchorPattern));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values()
                        .forEach(mediaType -> SchemaGraph.forEachInline(mediaType.getSchema(), SchemaRules::anchorPattern));
            }
        }));
    }

    private static void anchorPattern(Schema<?> schema) {
        String pattern = schema.getPattern();
        if (pattern == null || pattern.startsWith("^") && pattern.endsWith("$")) {
            return;
        }
        schema.setPattern(pattern.contains("|") ? "^(?:" + pattern + ")$" : "^" + pattern + "$");
    }
}
