package de.buergerservice.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.buergerservice.applications.AddressPart;
import de.buergerservice.applications.FieldKind;
import de.buergerservice.applications.FieldOption;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.UploadedFile;

/**
 * One field as the form page renders it: its input's id and type, the value given so far, the German error, and
 * the ids aria-describedby names (help text, error). {@code condition} says in words when a field whose condition
 * depends on an answer of the same step is to be filled in (without JavaScript it cannot appear only then).
 */
record FieldView(
        String id,
        String label,
        FieldKind kind,
        boolean required,
        String help,
        String inputType,
        String value,
        boolean checked,
        List<FieldOption> options,
        String error,
        String condition,
        List<Part> parts,
        List<UploadedFile> uploaded) {

    /** One input of an address. */
    record Part(String id, String label, String value, String error, String autocomplete, String inputMode) {

        public String describedBy() {
            return error == null ? null : id + "-error";
        }
    }

    public String describedBy() {
        List<String> ids = new ArrayList<>();
        if (help != null) {
            ids.add(id + "-help");
        }
        if (condition != null) {
            ids.add(id + "-condition");
        }
        if (error != null) {
            ids.add(id + "-error");
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    public boolean invalid() {
        return error != null || parts.stream().anyMatch(p -> p.error() != null);
    }

    static FieldView of(
            FormDefinition form,
            FormField field,
            Map<String, List<String>> answers,
            Map<String, List<UploadedFile>> files,
            Map<String, String> errors,
            String condition) {
        String value = first(answers, field.id());
        List<Part> parts = new ArrayList<>();
        if (field.kind() == FieldKind.ADDRESS) {
            for (AddressPart part : AddressPart.values()) {
                String key = part.key(field.id());
                parts.add(new Part(
                        key,
                        switch (part) {
                            case street -> "Straße";
                            case houseNumber -> "Hausnummer";
                            case postalCode -> "Postleitzahl";
                            case city -> "Ort";
                        },
                        first(answers, key),
                        errors.get(key),
                        switch (part) {
                            case street -> "address-line1";
                            case houseNumber -> "off";
                            case postalCode -> "postal-code";
                            case city -> "address-level2";
                        },
                        part == AddressPart.postalCode ? "numeric" : null));
            }
        }
        return new FieldView(
                field.id(),
                field.label(),
                field.kind(),
                field.required(),
                field.help() == null || field.help().isBlank() ? null : field.help(),
                switch (field.kind()) {
                    case DATE -> "date";
                    case EMAIL -> "email";
                    case PHONE -> "tel";
                    default -> "text";
                },
                value,
                field.kind() == FieldKind.CHECKBOX
                        && answers.getOrDefault(field.id(), List.of()).stream()
                                .anyMatch(de.buergerservice.applications.FormValidator::isChecked),
                field.options(),
                errors.get(field.id()),
                condition,
                parts,
                files.getOrDefault(field.id(), List.of()));
    }

    public String inputMode() {
        return switch (kind) {
            case NUMBER -> "decimal";
            case PHONE -> "tel";
            case EMAIL -> "email";
            default -> null;
        };
    }

    public String autocomplete() {
        return switch (kind) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            default -> null;
        };
    }

    private static String first(Map<String, List<String>> answers, String key) {
        return answers.getOrDefault(key, List.of()).stream().findFirst().orElse(null);
    }
}
