package io.cardflow.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.cardflow.common.Problem;
import io.cardflow.common.idempotency.IdempotencyFilter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import io.swagger.v3.oas.models.media.ObjectSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The served OpenAPI document's header; the fixed relative server keeps it identical on every port and host. */
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
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .security(List.of(new SecurityRequirement().addList("bearer")));
    }

    /**
     * Documents what every operation shares: the problem responses it can give and, on POST, the Idempotency-Key
     * header (read by a servlet filter, so springdoc cannot see it on the controllers).
     */
    @Bean
    OpenApiCustomizer problemResponsesAndIdempotency() {
        return openApi -> {
            ModelConverters.getInstance().readAll(Problem.class).forEach(openApi.getComponents()::addSchemas);
            Content problem = new Content().addMediaType(Problem.MEDIA_TYPE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses();
                responses.addApiResponse("401", new ApiResponse().description("Missing or invalid key").content(problem));
                responses.addApiResponse("503", new ApiResponse().description(
                        "The database was busy: nothing was done; retry after Retry-After seconds (with the same Idempotency-Key)")
                        .content(problem).addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                                .schema(new IntegerSchema())));
                if (path.contains("{")) {
                    responses.addApiResponse("404", new ApiResponse().description("No such object for this caller").content(problem));
                }
                if (method == PathItem.HttpMethod.POST) {
                    responses.addApiResponse("400", new ApiResponse().description("Malformed JSON").content(problem));
                    responses.addApiResponse("409", new ApiResponse().description(
                            "The object's state does not allow this, or the Idempotency-Key is in use").content(problem));
                    responses.addApiResponse("422", new ApiResponse().description(
                            "Invalid fields (listed in errors), or the Idempotency-Key was used for another request").content(problem));
                    operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                            .description("Makes retries safe: the same key and request replay the first answer")
                            .schema(new StringSchema().maxLength(255)));
                }
                boolean hasQuery = operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
                if (hasQuery) {
                    responses.addApiResponse("422", new ApiResponse().description("Invalid query parameters").content(problem));
                }
            }));
        };
    }
}
