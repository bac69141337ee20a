package io.cardflow.common;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A personal name: letters of any script, combining marks, spaces, apostrophes (' and ’), hyphens and
 * periods, with at least one letter. Everything else (digits, markup, punctuation, control characters)
 * is rejected because it has no place in a name and is a common carrier for injection attempts.
 * {@code null} is valid; combine with {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = PersonNameValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface PersonName {

    String message() default "must contain only letters, spaces, apostrophes, hyphens and periods";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
