package io.cardflow.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ArrayList;
import org.springframework.stereotype.Component;

/** Bean Validation for bodies that are bound by hand (their type depends on the product), with our 422 shape. */
@Component
public class Validation {

    private final Validator validator;

    public Validation(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T value) {
        return valid(value, List.of());
    }

    /** Validates {@code value}, adding the {@code extra} errors found by rules that span several fields. */
    public <T> T valid(T value, List<FieldError> extra) {
        List<FieldError> errors = new ArrayList<>(fieldErrors(validator.validate(value)));
        errors.addAll(extra);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return value;
    }

    static List<FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }
}
