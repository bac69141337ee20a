package io.cardflow.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI document's header. The rules that shape every operation and schema are the customizers of this
 * package, so that annotations on controllers and DTOs only say what is particular to them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static {
        // A JsonNode on the wire is the JSON it holds, not the node's Java getters.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    @Bean
    OpenAPI cardflowOpenApi() {
        return new OpenAPI()
                .info(new Info().title("cardflow Card API").version("v1")
                        .description("""
                                Onboard customers, verify them (KYC/KYB), issue cards and fund them. Merchant endpoints \
                                take 'Authorization: Bearer <API key>'; /api/v1/admin/** takes the operator key. Every \
                                POST accepts an Idempotency-Key header. Errors are RFC 9457 problem+json with a stable code.""")
                        .contact(new Contact().name("cardflow maintainers"))
                        // generators refuse a license without its SPDX identifier (or a URL)
                        .license(new License().name("Apache License 2.0").identifier("Apache-2.0")))
                // Relative, so that the document is identical on every host and port and Swagger UI calls the server
                // that served it (http://localhost:8080 with the default settings).
                .servers(List.of(new Server().url("/").description("The server that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(OperationSecurity.MERCHANT, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("A merchant's API key (sk_…), issued by an operator; "
                                        + "the demo merchant's is in the data directory"))
                        .addSecuritySchemes(OperationSecurity.OPERATOR, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The operator key (cardflow.admin-key), for /api/v1/admin/** only")));
    }
}
