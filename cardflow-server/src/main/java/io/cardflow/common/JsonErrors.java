package io.cardflow.common;

import java.util.List;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a body Jackson could not read into a problem that names the field, without echoing parser internals. */
final class JsonErrors {

    private JsonErrors() {
    }

    static ApiException toApiException(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson) {
            return toApiException(jackson);
        }
        return new ApiException(ErrorCode.MALFORMED_JSON, "The request body is missing or is not JSON");
    }

    static ApiException toApiException(JacksonException e) {
        String field = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return ApiException.invalid(field, "is not a known field");
        }
        if (e instanceof RejectedValueException) {
            return ApiException.invalid(field, e.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            if (field.isEmpty()) {
                return new ApiException(ErrorCode.MALFORMED_JSON, "The request body must be a JSON object");
            }
            String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? describe(mismatch.getTargetType()) : "a value of another type";
            return ApiException.invalid(field, "must be " + expected);
        }
        if (e instanceof InputCoercionException && !field.isEmpty()) {
            // Valid JSON whose number does not fit the field (an amount beyond a 64-bit integer): the value is wrong.
            return ApiException.invalid(field, "is out of range");
        }
        if (e instanceof StreamReadException) {
            return new ApiException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON");
        }
        return field.isEmpty() ? new ApiException(ErrorCode.MALFORMED_JSON, "The request body could not be read")
                : ApiException.invalid(field, "has an invalid value");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
