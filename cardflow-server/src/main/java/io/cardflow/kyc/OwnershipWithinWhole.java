package io.cardflow.kyc;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Objects;

/**
 * Nobody can own more than the whole company: the owners' percentages add up to at most 100. On the list itself, so
 * that the error names the request field {@code beneficialOwners}. Missing lists, owners and percentages count as
 * valid here because their own constraints already report them, and reporting twice only confuses clients.
 */
@Documented
@Constraint(validatedBy = OwnershipWithinWhole.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface OwnershipWithinWhole {

    String message() default "beneficial owners' ownership percentages must not add up to more than 100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OwnershipWithinWhole, List<BeneficialOwner>> {
        @Override
        public boolean isValid(List<BeneficialOwner> owners, ConstraintValidatorContext context) {
            if (owners == null) {
                return true;
            }
            long total = owners.stream()
                    .filter(Objects::nonNull)
                    .map(BeneficialOwner::ownershipPercent)
                    .filter(Objects::nonNull)
                    .mapToLong(Integer::longValue)
                    .sum();
            return total <= 100;
        }
    }
}
