package de.buergerservice.identity.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The {@link PasswordPolicy} for a password a person enters (REST API, user form, first-administrator bootstrap):
 * checked where {@link UserData} is validated, and reported at the field "password" in German.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Check.class)
@interface AcceptablePassword {

    String message() default "{validation.password.common}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A Spring bean (Spring's validator factory creates it), so the list is loaded once. */
    class Check implements ConstraintValidator<AcceptablePassword, UserData> {

        private final PasswordPolicy policy;

        Check(PasswordPolicy policy) {
            this.policy = policy;
        }

        @Override
        public boolean isValid(UserData data, ConstraintValidatorContext context) {
            if (data == null || data.password() == null || data.password().length() < PasswordPolicy.MIN_LENGTH) {
                return true; // @Size reports the length
            }
            String code = policy.refusal(data.username(), data.password());
            if (code == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{" + code + "}")
                    .addPropertyNode("password")
                    .addConstraintViolation();
            return false;
        }
    }
}
