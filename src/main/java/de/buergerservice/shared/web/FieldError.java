package de.buergerservice.shared.web;

/** One invalid input field in a problem+json answer: the field's path as the client sent it, and why. */
public record FieldError(String field, String message) {}
