package de.buergerservice.tenancy.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import de.buergerservice.tenancy.FederalState;

/**
 * Amtlicher Gemeindeschlüssel: eight digits, the first two naming the federal state (01–16).
 * {@code null} is valid (combine with {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = Ags.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Ags {

    String message() default "{validation.ags}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Ags, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || value.matches("\\d{8}") && FederalState.ofAgs(value).isPresent();
        }
    }
}
