package io.cardflow.sdk.exception;

import java.util.List;

/** 401: the API key is missing, unknown, revoked or of the wrong kind. */
public class AuthenticationException extends ApiException {

    public AuthenticationException(int status, String code, String detail, List<FieldError> errors, String requestId) {
        super(status, code, detail, errors, requestId);
    }
}
