package io.cardflow.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The served OpenAPI document's header; the fixed relative server keeps it identical on every port and host. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI cardflowOpenApi() {
        return new OpenAPI()
                .info(new Info().title("cardflow Card API").version("v1")
                        .description("""
                                Onboard customers, verify them (KYC/KYB), issue cards and fund them. Merchant endpoints \
                                take 'Authorization: Bearer <API key>'; /api/v1/admin/** takes the operator key. Every \
                                POST accepts an Idempotency-Key header. Errors are RFC 9457 problem+json with a stable code.""")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .security(List.of(new SecurityRequirement().addList("bearer")));
    }
}
