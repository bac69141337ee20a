package io.cardflow.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An RFC 9457 problem body with our stable {@code code}, the request id and, for 422, the field errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, @Nullable String instance, String code,
                      @Nullable String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail, String instance, List<FieldError> errors) {
        return of(code, detail, instance, errors, RequestIds.current());
    }

    public static Problem of(ErrorCode code, String detail, String instance, List<FieldError> errors, String requestId) {
        return new Problem("urn:cardflow:problem:" + code.code(), code.title(), code.status().value(), detail, instance,
                code.code(), requestId, errors);
    }
}
