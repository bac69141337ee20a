package io.cardflow.web;

import io.cardflow.common.ApiException;
import io.cardflow.common.DatabaseBusy;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.FieldError;
import io.cardflow.common.Validation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;

/**
 * The one place where failures become RFC 9457 problems. Nothing internal (stack traces, SQL, class names)
 * reaches a response body: unexpected errors are logged with the request id and answered generically.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    public static final String DATABASE_BUSY = "The database was busy; nothing was done, retry with the same Idempotency-Key";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Problem> api(ApiException e, HttpServletRequest request) {
        return respond(e.code(), e.getMessage(), request, e.fieldErrors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldError> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldError(
                        error instanceof org.springframework.validation.FieldError fieldError ? fieldError.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return respond(ApiException.invalid(errors), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> invalid(ConstraintViolationException e, HttpServletRequest request) {
        return respond(ApiException.invalid(Validation.fieldErrors(e.getConstraintViolations())), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(JsonErrors.toApiException(e), request);
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Problem> unreadableJson(JacksonException e, HttpServletRequest request) {
        return respond(JsonErrors.toApiException(e), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(ApiException.invalid(e.getName(), "has the wrong type"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(ApiException.invalid(e.getParameterName(), "is required"), request);
    }

    /** Tomcat refuses to decode a query string that is not percent-encoded UTF-8 when the parameters are first read. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Problem> undecodableParameter(InvalidParameterException e, HttpServletRequest request) {
        return respond(ErrorCode.MALFORMED_REQUEST, "The query string must be percent-encoded UTF-8", request, List.of());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Problem> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return respond(ErrorCode.MALFORMED_REQUEST, "Header '" + e.getHeaderName() + "' is required", request, List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here", request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(ErrorCode.NOT_ACCEPTABLE, "Responses are application/json", request, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(ErrorCode.NOT_FOUND, "No such endpoint: " + e.getHttpMethod() + " " + request.getRequestURI(), request, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // A browser or client that went away mid-answer: nothing is wrong, and nobody is left to answer.
            log.debug("Client went away while {} {} was answered: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            return null;
        }
        if (DatabaseBusy.causedBy(e)) {
            log.warn("Database busy serving {} {}, answered 503: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
            return respond(ErrorCode.TEMPORARILY_UNAVAILABLE, DATABASE_BUSY, request, List.of());
        }
        log.error("Unexpected error serving {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; quote the request id when reporting it",
                request, List.of());
    }

    private ResponseEntity<Problem> respond(ApiException e, HttpServletRequest request) {
        return respond(e.code(), e.getMessage(), request, e.fieldErrors());
    }

    /** The innermost cause's message, for one log line without a stack trace. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private ResponseEntity<Problem> respond(ErrorCode code, String detail, HttpServletRequest request, List<FieldError> errors) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(ErrorStatus.of(code));
        if (code == ErrorCode.TEMPORARILY_UNAVAILABLE || code == ErrorCode.TOO_MANY_WAITING) {
            response.header(HttpHeaders.RETRY_AFTER, ErrorStatus.RETRY_AFTER_SECONDS);
        }
        return response
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Problem.of(code, detail, request.getRequestURI(), errors));
    }
}
