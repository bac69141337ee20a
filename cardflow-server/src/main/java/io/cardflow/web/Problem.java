package io.cardflow.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An RFC 9457 problem body with our stable {@code code}, the request id and, for 422, the field errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "An error, as RFC 9457 problem details (application/problem+json). Branch on `code`, which never "
        + "changes; `title` and `detail` are for people and may be reworded.")
public record Problem(
        @Schema(description = "A URI naming the kind of problem: urn:cardflow:problem: followed by the code",
                example = "urn:cardflow:problem:validation_failed") String type,
        @Schema(description = "A short, fixed summary of the kind of problem", example = "Validation failed") String title,
        @Schema(description = "The HTTP status code, repeated", example = "422") int status,
        @Schema(description = "What went wrong with this request, for a person",
                example = "address.country: must be an ISO 3166-1 alpha-2 country code in upper case") String detail,
        @Schema(description = "The path of the request that failed", example = "/api/v1/customers") @Nullable String instance,
        @Schema(description = "The stable machine-readable code; each code always comes with the same status",
                example = "validation_failed")
        ErrorCode code,
        @Schema(description = "The request's id, also in the X-Request-Id header; quote it when asking for support",
                example = "req_9fJ2kL7mQ4xZ1vB8nC3dW6pR") @Nullable String requestId,
        @Schema(description = "For validation_failed (and a duplicated field), one entry per invalid field")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, String instance, List<FieldError> errors) {
        return of(code, detail, instance, errors, RequestIds.current());
    }

    public static Problem of(ErrorCode code, String detail, String instance, List<FieldError> errors, String requestId) {
        return new Problem("urn:cardflow:problem:" + code.code(), code.title(), ErrorStatus.of(code).value(), detail, instance,
                code, requestId, errors);
    }
}
