package io.cardflow.common;

import java.util.List;

/** A request that cannot be served as asked; rendered as an RFC 9457 problem by {@link ProblemHandler}. */
public class ApiException extends RuntimeException {

    private static final java.util.regex.Pattern ECHOABLE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ErrorCode code;
    private final List<FieldError> fieldErrors;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /**
     * The same answer whether the object belongs to another merchant or does not exist. The id is echoed only when it
     * has the shape of one of our ids: arbitrary path text (SQL, markup) is never reflected into a response.
     */
    public static ApiException notFound(String what, String id) {
        return new ApiException(ErrorCode.NOT_FOUND, id != null && ECHOABLE_ID.matcher(id).matches()
                ? "No such " + what + ": '" + id + "'" : "No such " + what);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ErrorCode.VALIDATION_FAILED,
                errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                        : errors.size() + " fields are invalid", errors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
