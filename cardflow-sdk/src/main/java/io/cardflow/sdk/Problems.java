package io.cardflow.sdk;

import io.cardflow.sdk.exception.ApiException;
import io.cardflow.sdk.exception.AuthenticationException;
import io.cardflow.sdk.exception.ConflictException;
import io.cardflow.sdk.exception.FieldError;
import io.cardflow.sdk.exception.NotFoundException;
import io.cardflow.sdk.exception.RateLimitException;
import io.cardflow.sdk.exception.ServerException;
import io.cardflow.sdk.exception.ValidationException;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Turns an error response into the typed exception for its status, reading the RFC 9457 body when there is one. */
final class Problems {

    private record Problem(String title, String detail, String code, String requestId, List<FieldError> errors) {
        static final Problem NONE = new Problem(null, null, null, null, List.of());
    }

    private Problems() {
    }

    static ApiException toException(HttpResponse<byte[]> response, ObjectMapper mapper) {
        int status = response.statusCode();
        var problem = read(response.body(), mapper);
        var detail = problem.detail() != null ? problem.detail() : problem.title();
        var requestId = problem.requestId() != null
                ? problem.requestId()
                : response.headers().firstValue("X-Request-Id").orElse(null);
        var errors = problem.errors();
        var code = problem.code();
        return switch (status) {
            case 400, 422 -> new ValidationException(status, code, detail, errors, requestId);
            case 401 -> new AuthenticationException(status, code, detail, errors, requestId);
            case 404 -> new NotFoundException(status, code, detail, errors, requestId);
            case 409 -> new ConflictException(status, code, detail, errors, requestId);
            case 429 -> new RateLimitException(status, code, detail, errors, requestId);
            default -> status >= 500
                    ? new ServerException(status, code, detail, errors, requestId)
                    : new ApiException(status, code, detail, errors, requestId);
        };
    }

    /** A gateway's HTML page or an empty body is still an error of its status, just without a code. */
    private static Problem read(byte[] body, ObjectMapper mapper) {
        try {
            var problem = mapper.readValue(body, Problem.class);
            return problem == null ? Problem.NONE : problem;
        } catch (JacksonException notAProblem) {
            return Problem.NONE;
        }
    }
}
