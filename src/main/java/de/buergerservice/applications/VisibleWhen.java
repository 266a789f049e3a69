package de.buergerservice.applications;

/**
 * A field is shown (and only then required and checked) when the field {@code fieldId} has the answer
 * {@code equals}; for a checkbox the answer is {@code true} when it is checked.
 */
public record VisibleWhen(String fieldId, String equals) {}
