package de.buergerservice.shared.web;

/**
 * A business rule that rejects one input field (e.g. a phone number already published by another tenant).
 * Rendered exactly like a bean-validation error: 400 problem+json with the field named; in web forms it becomes
 * an error on that form field.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String messageCode;
    private final transient Object[] arguments;

    public InvalidFieldException(String field, String messageCode, Object... arguments) {
        super(field + ": " + messageCode);
        this.field = field;
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments;
    }
}
