package io.cardflow.openapi;

import io.cardflow.idempotency.IdempotencyFilter;
import io.cardflow.web.Problem;
import io.cardflow.web.RequestIds;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every operation shares, declared from the filters and handlers that produce it (springdoc sees only the
 * controllers): the problem responses each kind of operation can receive, the response headers, and on POST the
 * Idempotency-Key header. A status an operation's own annotations declare keeps its own description.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StandardResponses implements OpenApiCustomizer {

    static final String REQUEST_ID = RequestIds.HEADER;
    static final String REPLAYED = IdempotencyFilter.REPLAYED_HEADER;
    static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        ModelConverters.getInstance(true).readAll(Problem.class).forEach(components::addSchemas);
        components.addHeaders(REQUEST_ID, new Header().description(
                        "The request's id, also in error bodies and the server's log: the caller's own X-Request-Id when it is "
                                + "8 to 64 letters, digits, '.', '_' or '-', otherwise a new one")
                .schema(new StringSchema().example("req_4pka4LUhUFQUrUiCq0Hh2xTb")));
        components.addHeaders(REPLAYED, new Header().description(
                        "Present (true) when this is the recorded answer to an earlier request with the same Idempotency-Key: "
                                + "nothing was done again")
                .schema(new BooleanSchema()));
        components.addHeaders(RETRY_AFTER, new Header().description("Seconds to wait before retrying")
                .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE).example(1)));
        problemResponses().forEach(components::addResponses);

        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            declareProblems(openApi, path, method, operation);
            operation.getResponses().forEach((status, response) -> {
                if (response.get$ref() == null) {
                    response.addHeaderObject(REQUEST_ID, headerRef(REQUEST_ID));
                    if (method == HttpMethod.POST && status.startsWith("2")) {
                        response.addHeaderObject(REPLAYED, headerRef(REPLAYED));
                    }
                }
            });
            if (method == HttpMethod.POST) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("Makes retries safe: the same key with the same request replays the first answer "
                                + "(with Idempotent-Replayed: true); with another request it is a 422, while the first "
                                + "is still running a 409. Keys are per merchant (or operator) and kept for 24 hours.")
                        .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")
                                .example("onboard-7f3c9a2e-card")));
            }
        }));
    }

    private static void declareProblems(OpenAPI openApi, String path, HttpMethod method, Operation operation) {
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasQuery = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
        boolean post = method == HttpMethod.POST;
        if (hasBody || hasQuery || path.contains("{")) {
            declare(operation, HttpStatus.BAD_REQUEST);
        }
        if (OperationSecurity.isAuthenticated(path)) {
            declare(operation, HttpStatus.UNAUTHORIZED);
        }
        if (path.contains("{") || SchemaGraph.bodyNamesAnObject(openApi, operation)) {
            declare(operation, HttpStatus.NOT_FOUND);
        }
        declare(operation, HttpStatus.NOT_ACCEPTABLE);
        if (post || method == HttpMethod.DELETE) {
            declare(operation, HttpStatus.CONFLICT);
        }
        declare(operation, HttpStatus.CONTENT_TOO_LARGE);
        declare(operation, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        if (post || hasBody || hasQuery) {
            declare(operation, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (OperationSecurity.isAuthenticated(path)) {
            declare(operation, HttpStatus.TOO_MANY_REQUESTS);
        }
        declare(operation, HttpStatus.INTERNAL_SERVER_ERROR);
        declare(operation, HttpStatus.SERVICE_UNAVAILABLE);
    }

    private static void declare(Operation operation, HttpStatus code) {
        String status = Integer.toString(code.value());
        if (!operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name(code)));
        }
    }

    /** One reusable response per status, named after the status, saying which codes it carries and why. */
    private static Map<String, ApiResponse> problemResponses() {
        Map<String, ApiResponse> responses = new TreeMap<>();
        responses.put(name(HttpStatus.BAD_REQUEST), problem(
                "The body is not JSON, has a value of the wrong JSON type or a field twice (malformed_json); or the query "
                        + "string is not percent-encoded UTF-8, or a path parameter holds an encoded slash or backslash "
                        + "(malformed_request)"));
        responses.put(name(HttpStatus.UNAUTHORIZED), problem(
                "The Authorization header is missing, or its key is unknown, revoked or of the wrong kind (unauthorized)"));
        responses.put(name(HttpStatus.NOT_FOUND), problem(
                "An object named in the path or body does not exist for this caller (not_found)"));
        responses.put(name(HttpStatus.NOT_ACCEPTABLE), problem(
                "The Accept header excludes application/json and application/problem+json (not_acceptable)"));
        responses.put(name(HttpStatus.CONFLICT), problem(
                "The object's state does not allow this (its code says why), or a request with the same "
                        + "Idempotency-Key is still running (idempotency_key_in_use)"));
        responses.put(name(HttpStatus.CONTENT_TOO_LARGE), problem(
                "The request body is larger than cardflow.max-request-bytes, 64 KiB by default (payload_too_large)"));
        responses.put(name(HttpStatus.UNSUPPORTED_MEDIA_TYPE), problem(
                "A body was sent as something other than application/json, or the Content-Type is a wildcard "
                        + "(unsupported_media_type)"));
        responses.put(name(HttpStatus.UNPROCESSABLE_CONTENT), problem(
                "Invalid fields or query parameters, each listed in errors by its path (validation_failed); or the "
                        + "Idempotency-Key was used with another request (idempotency_key_reused); or the customer's type "
                        + "does not fit the product (holder_type_mismatch)"));
        responses.put(name(HttpStatus.TOO_MANY_REQUESTS), problem(
                "Over a rate limit, or too many failed keys from this address (rate_limited); or, with wait, too many "
                        + "requests waiting already (too_many_waiting)")
                .addHeaderObject(RETRY_AFTER, headerRef(RETRY_AFTER)));
        responses.put(name(HttpStatus.INTERNAL_SERVER_ERROR), problem(
                "Something unexpected failed on the server; quote the request id when reporting it (internal_error)"));
        responses.put(name(HttpStatus.SERVICE_UNAVAILABLE), problem(
                "The database was busy: nothing was done; retry after Retry-After seconds, with the same "
                        + "Idempotency-Key (temporarily_unavailable)")
                .addHeaderObject(RETRY_AFTER, headerRef(RETRY_AFTER)));
        return responses;
    }

    private static ApiResponse problem(String description) {
        Schema<?> schema = new Schema<>().$ref("#/components/schemas/Problem");
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(Problem.MEDIA_TYPE, new MediaType().schema(schema)))
                .addHeaderObject(REQUEST_ID, headerRef(REQUEST_ID));
    }

    /** The reason phrase of the status in UpperCamelCase: NotFound, UnprocessableContent... */
    private static String name(HttpStatus code) {
        StringBuilder name = new StringBuilder();
        for (String word : code.getReasonPhrase().split("[ -]")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    private static Header headerRef(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }
}
