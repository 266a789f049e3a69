package de.buergerservice.applications;

import java.util.List;

/**
 * Why an answer is refused.
 *
 * @param fieldId the field's id; for a part of an address {@code field.part} (the id of its input)
 * @param code the message key in {@code i18n/applications.properties}, for another language
 * @param arguments the message's arguments
 * @param message the German message for the citizen
 */
public record FieldProblem(String fieldId, String code, List<String> arguments, String message) {}
