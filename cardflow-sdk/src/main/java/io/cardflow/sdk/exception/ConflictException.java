package io.cardflow.sdk.exception;

import java.util.List;

/** 409: the object's state does not allow the call, e.g. {@code kyc_not_approved} or {@code insufficient_funds}. */
public class ConflictException extends ApiException {

    public ConflictException(int status, String code, String detail, List<FieldError> errors, String requestId) {
        super(status, code, detail, errors, requestId);
    }
}
