package io.cardflow.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;

public final class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {

    // Locale returns upper-case codes, so a lower-case "gb" is rejected rather than silently accepted.
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || COUNTRIES.contains(value);
    }
}
