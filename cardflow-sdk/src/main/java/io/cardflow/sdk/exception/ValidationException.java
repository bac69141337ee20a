package io.cardflow.sdk.exception;

import java.util.List;

/** 400 or 422: the request was malformed or invalid; {@link #errors()} names each offending field. */
public class ValidationException extends ApiException {

    public ValidationException(int status, String code, String detail, List<FieldError> errors, String requestId) {
        super(status, code, detail, errors, requestId);
    }
}
