package io.cardflow.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

public final class PersonNameValidator implements ConstraintValidator<PersonName, String> {

    // The lookahead stops names made only of punctuation such as "-" or "'.".
    private static final Pattern PERSON_NAME = Pattern.compile("(?=.*\\p{L})[\\p{L}\\p{M} '’.-]+");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || PERSON_NAME.matcher(value).matches();
    }
}
