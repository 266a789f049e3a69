package de.buergerservice.planning.web;

import java.util.ArrayList;
import java.util.List;

import de.buergerservice.shared.web.InvalidFieldsException;

/**
 * Collects every rejected planning parameter of one request, so the answer names all of them at once (400
 * problem+json, German messages from {@code i18n/planning}).
 */
final class ParameterCheck {

    private final List<InvalidFieldsException.Error> errors = new ArrayList<>();

    /** A required number within [min, max] (bounds inclusive unless {@code openBelow}). */
    double required(String field, Double value, double min, double max, boolean openBelow) {
        if (value == null) {
            reject(field, "validation.planning.required");
            return Double.NaN;
        }
        return range(field, value, min, max, openBelow);
    }

    Double optional(String field, Double value, double min, double max, boolean openBelow) {
        return value == null ? null : range(field, value, min, max, openBelow);
    }

    private double range(String field, double value, double min, double max, boolean openBelow) {
        if (Double.isNaN(value) || value < min || value > max || (openBelow && value == min)) {
            reject(field, openBelow ? "validation.planning.rangeAbove" : "validation.planning.range", min, max);
        }
        return value;
    }

    Integer optionalWhole(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            reject(field, "validation.planning.range", min, max);
        }
        return value;
    }

    void reject(String field, String code, Object... arguments) {
        errors.add(new InvalidFieldsException.Error(field, code, arguments, null));
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void throwIfRejected() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }
}
