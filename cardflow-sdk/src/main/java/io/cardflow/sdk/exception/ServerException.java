package io.cardflow.sdk.exception;

import java.util.List;

/** 5xx: the server (or a proxy in front of it) failed, still after the SDK's retries. */
public class ServerException extends ApiException {

    public ServerException(int status, String code, String detail, List<FieldError> errors, String requestId) {
        super(status, code, detail, errors, requestId);
    }
}
