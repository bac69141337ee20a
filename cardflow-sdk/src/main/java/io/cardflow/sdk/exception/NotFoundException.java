package io.cardflow.sdk.exception;

import java.util.List;

/** 404: no such object for this merchant (another merchant's objects look the same). */
public class NotFoundException extends ApiException {

    public NotFoundException(int status, String code, String detail, List<FieldError> errors, String requestId) {
        super(status, code, detail, errors, requestId);
    }
}
