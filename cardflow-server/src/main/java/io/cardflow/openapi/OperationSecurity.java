package io.cardflow.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Each operation names the key it takes, as the security configuration decides it: by path. */
@Component
class OperationSecurity implements OpenApiCustomizer {

    static final String MERCHANT = "merchantKey";
    static final String OPERATOR = "operatorKey";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setSecurity(null);
        openApi.getPaths().forEach((path, item) -> item.readOperations()
                .forEach(operation -> operation.setSecurity(requirementFor(path))));
    }

    static List<SecurityRequirement> requirementFor(String path) {
        if (path.startsWith("/api/v1/admin/")) {
            return List.of(new SecurityRequirement().addList(OPERATOR));
        }
        if (path.startsWith("/api/")) {
            return List.of(new SecurityRequirement().addList(MERCHANT));
        }
        return List.of();
    }

    static boolean isAuthenticated(String path) {
        return !requirementFor(path).isEmpty();
    }
}
