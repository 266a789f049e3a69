package de.buergerservice.shared.web;

import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Validates a web form the same way the REST API validates its body: the form is converted to the API's input
 * record, that record is validated, and each violation is shown at the form field it belongs to. So a rule is
 * written once, on the record, and both channels obey it with the same German message.
 */
@Component
public class FormValidation {

    private final Validator validator;

    public FormValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * Validates {@code data} and records violations on {@code form}.
     *
     * @param fieldOf maps a property path of the record (e.g. {@code phoneNumbers[1]}) to a form field, or to
     *        {@code null} for an error about the form as a whole
     * @return whether the form is free of errors (also counting errors recorded before)
     */
    public <T> boolean check(T data, BindingResult form, UnaryOperator<String> fieldOf) {
        for (ConstraintViolation<T> violation : validator.validate(data)) {
            String field = fieldOf.apply(violation.getPropertyPath().toString());
            // a field the binder could not even read (e.g. "abc" as a price) already shows that error
            if (field == null || !form.hasFieldErrors(field)) {
                reject(form, field, null, null, violation.getMessage());
            }
        }
        return !form.hasErrors();
    }

    /** Shows a business-rule rejection at its form field. */
    public void reject(InvalidFieldException e, BindingResult form, UnaryOperator<String> fieldOf) {
        reject(form, fieldOf.apply(e.field()), e.messageCode(), e.arguments(), e.messageCode());
    }

    private static void reject(BindingResult form, String field, String code, Object[] args, String message) {
        if (field == null) {
            form.reject(code == null ? "invalid" : code, args, message);
        } else {
            form.rejectValue(field, code == null ? "invalid" : code, args, message);
        }
    }

    /** The first segment of a property path without index: {@code phoneNumbers[1]} → {@code phoneNumbers}. */
    public static String topLevel(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }
}
