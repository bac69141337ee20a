package io.cardflow.openapi;

import io.cardflow.common.PageRequest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * List operations take their page parameters as strings so that a bad value is our 422 naming the parameter
 * ({@link PageRequest}); the document gives them the types and bounds that PageRequest enforces.
 */
@Component
class PaginationParameters implements OpenApiCustomizer {

    static final String LIMIT = "limit";
    static final String STARTING_AFTER = "startingAfter";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() == null) {
                return;
            }
            operation.getParameters().stream().filter(parameter -> "query".equals(parameter.getIn())).forEach(parameter -> {
                switch (parameter.getName()) {
                    case LIMIT -> parameter.description("How many objects to return")
                            .schema(new IntegerSchema().minimum(BigDecimal.ONE)
                                    .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))._default(PageRequest.DEFAULT_LIMIT));
                    case STARTING_AFTER -> parameter.description(
                                    "The id of the last object of the previous page: the page starts after it")
                            .schema(new StringSchema().pattern("^" + PageRequest.CURSOR_PATTERN + "$"));
                    default -> {
                    }
                }
            });
        }));
    }
}
