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
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import de.buergerservice.tenancy.PhoneNumbers;

/**
 * A valid phone number written in E.164, e.g. {@code +4954311820}. {@code null} is valid. The message names the
 * rejected number, so that among several lines of a form the wrong one is recognisable.
 */
@Documented
@Constraint(validatedBy = E164.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface E164 {

    String message() default "{validation.e164}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<E164, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || PhoneNumbers.isE164(value)) {
                return true;
            }
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            if (context instanceof HibernateConstraintValidatorContext hibernate) {
                hibernate.addMessageParameter("number", shown);
            }
            return false;
        }
    }
}
