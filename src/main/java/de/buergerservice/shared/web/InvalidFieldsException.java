package de.buergerservice.shared.web;

import java.util.List;

/**
 * Several rejected input fields at once (400 problem+json with each under {@code errors}); each either with a
 * message code and arguments or with a message already in the caller's language.
 */
public class InvalidFieldsException extends RuntimeException {

    /** One rejected field: {@code code} with {@code arguments}, or a finished {@code message}. */
    public record Error(String field, String code, Object[] arguments, String message) {}

    private final transient List<Error> errors;

    public InvalidFieldsException(List<Error> errors) {
        super(errors.size() + " invalid fields");
        this.errors = List.copyOf(errors);
    }

    public List<Error> errors() {
        return errors;
    }
}
