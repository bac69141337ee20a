package io.cardflow.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Which component schemas requests and responses use, following references through properties and compositions. */
final class SchemaGraph {

    private static final String SCHEMAS = "#/components/schemas/";

    private SchemaGraph() {
    }

    static Set<String> requestSchemas(OpenAPI openApi) {
        return reachable(openApi, operations(openApi)
                .filter(operation -> operation.getRequestBody() != null)
                .flatMap(operation -> schemasOf(operation.getRequestBody().getContent())));
    }

    static Set<String> responseSchemas(OpenAPI openApi) {
        return reachable(openApi, operations(openApi)
                .flatMap(operation -> operation.getResponses().values().stream())
                .map(response -> resolve(openApi, response))
                .flatMap(response -> schemasOf(response.getContent())));
    }

    /** Whether the operation's body names objects by id (a customer, a card...), which may not exist. */
    static boolean bodyNamesAnObject(OpenAPI openApi, Operation operation) {
        if (operation.getRequestBody() == null) {
            return false;
        }
        List<Schema<?>> shapes = new ArrayList<>();
        schemasOf(operation.getRequestBody().getContent()).forEach(schema -> {
            shapes.add(schema);
            if (schema.getOneOf() != null) {
                schema.getOneOf().forEach(shapes::add);
            }
        });
        return shapes.stream().map(schema -> resolve(openApi, schema))
                .filter(schema -> schema.getProperties() != null)
                .anyMatch(schema -> schema.getProperties().keySet().stream().anyMatch(name -> name.endsWith("Id")));
    }

    /** The schema itself and every schema written inside it (not following references). */
    static void forEachInline(Schema<?> schema, Consumer<Schema<?>> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        children(schema).forEach(child -> forEachInline(child, action));
    }

    static Schema<?> resolve(OpenAPI openApi, Schema<?> schema) {
        if (schema.get$ref() == null || !schema.get$ref().startsWith(SCHEMAS)) {
            return schema;
        }
        return openApi.getComponents().getSchemas().get(schema.get$ref().substring(SCHEMAS.length()));
    }

    private static ApiResponse resolve(OpenAPI openApi, ApiResponse response) {
        String prefix = "#/components/responses/";
        if (response.get$ref() == null || !response.get$ref().startsWith(prefix)) {
            return response;
        }
        return openApi.getComponents().getResponses().get(response.get$ref().substring(prefix.length()));
    }

    private static Stream<Operation> operations(OpenAPI openApi) {
        return openApi.getPaths().values().stream().flatMap(item -> item.readOperations().stream());
    }

    private static Stream<Schema<?>> schemasOf(Content content) {
        if (content == null) {
            return Stream.empty();
        }
        return content.values().stream().<Schema<?>>map(mediaType -> mediaType.getSchema()).filter(Objects::nonNull);
    }

    private static Set<String> reachable(OpenAPI openApi, Stream<Schema<?>> roots) {
        Set<String> names = new HashSet<>();
        roots.forEach(root -> visit(openApi, root, names));
        return names;
    }

    private static void visit(OpenAPI openApi, Schema<?> schema, Set<String> names) {
        forEachInline(schema, inline -> {
            String ref = inline.get$ref();
            if (ref != null && ref.startsWith(SCHEMAS) && names.add(ref.substring(SCHEMAS.length()))) {
                Schema<?> target = openApi.getComponents().getSchemas().get(ref.substring(SCHEMAS.length()));
                visit(openApi, target, names);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Schema<?>> children(Schema<?> schema) {
        List<Schema<?>> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(children::add);
        }
        Stream.of(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf()).filter(Objects::nonNull)
                .forEach(list -> children.addAll((List<Schema<?>>) (List<?>) list));
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            children.add(values);
        }
        return children;
    }
}
