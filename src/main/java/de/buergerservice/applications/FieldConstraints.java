package de.buergerservice.applications;

import java.math.BigDecimal;

/**
 * The input rules of a field; every component may be {@code null} (no rule). Lengths count characters of a text,
 * {@code min}/{@code max} bound a number, {@code pattern} is a Java regular expression the whole answer must match.
 */
public record FieldConstraints(
        Integer minLength, Integer maxLength, String pattern, BigDecimal min, BigDecimal max, DateRule date) {

    public static final FieldConstraints NONE = new FieldConstraints(null, null, null, null, null, null);

    public static FieldConstraints length(Integer minLength, Integer maxLength) {
        return new FieldConstraints(minLength, maxLength, null, null, null, null);
    }

    public static FieldConstraints date(DateRule rule) {
        return new FieldConstraints(null, null, null, null, null, rule);
    }

    public static FieldConstraints range(BigDecimal min, BigDecimal max) {
        return new FieldConstraints(null, null, null, min, max, null);
    }
}
