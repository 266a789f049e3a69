package de.buergerservice.applications;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One field of a form.
 *
 * @param id unique within the form; the answer key (for an address, the prefix of its parts' keys)
 * @param required whether a visible field must be answered (at least {@code minCount} times if repeatable)
 * @param minCount for a repeatable field the fewest answers (ignored unless required); {@code null} means 1
 * @param maxCount the most answers; {@code null} means any number, 1 (the default) a field that is not repeatable
 * @param sourceId the FIM id and version of an imported Datenfeld ({@code F60000227 1.2}), else {@code null}
 */
public record FormField(
        String id,
        String label,
        FieldKind kind,
        boolean required,
        Integer minCount,
        Integer maxCount,
        String help,
        FieldConstraints constraints,
        List<FieldOption> options,
        VisibleWhen visibleWhen,
        String sourceId) {

    public FormField {
        constraints = constraints == null ? FieldConstraints.NONE : constraints;
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A single field with no rules but {@code required}. */
    public static FormField of(String id, String label, FieldKind kind, boolean required) {
        return new FormField(id, label, kind, required, null, 1, null, null, null, null, null);
    }

    public FormField withHelp(String text) {
        return new FormField(
                id, label, kind, required, minCount, maxCount, text, constraints, options, visibleWhen, sourceId);
    }

    public FormField withConstraints(FieldConstraints rules) {
        return new FormField(
                id, label, kind, required, minCount, maxCount, help, rules, options, visibleWhen, sourceId);
    }

    public FormField withOptions(List<FieldOption> list) {
        return new FormField(
                id, label, kind, required, minCount, maxCount, help, constraints, list, visibleWhen, sourceId);
    }

    public FormField visibleWhen(String fieldId, String equals) {
        return new FormField(
                id,
                label,
                kind,
                required,
                minCount,
                maxCount,
                help,
                constraints,
                options,
                new VisibleWhen(fieldId, equals),
                sourceId);
    }

    public FormField repeatable(Integer min, Integer max) {
        return new FormField(id, label, kind, required, min, max, help, constraints, options, visibleWhen, sourceId);
    }

    /** Whether the field may be answered more than once. */
    @JsonIgnore
    public boolean isRepeatable() {
        return maxCount == null || maxCount > 1;
    }

    /** The fewest answers a visible required field needs. */
    public int requiredCount() {
        return required ? Math.max(1, minCount == null ? 1 : minCount) : 0;
    }
}
