package de.buergerservice.applications.internal.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.buergerservice.applications.AddressPart;
import de.buergerservice.applications.FieldKind;
import de.buergerservice.applications.FieldOption;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.FormValidator;

/**
 * The answers of a submission as a person reads them, in the order and with the labels of the form version the
 * submission was made with: a select's label instead of its code, "ja" for a checked box, an address on one line,
 * the file names of an upload. Without that version (it cannot be read), the stored keys and values.
 */
public final class AnswerLines {

    private AnswerLines() {}

    public static List<AnswerLine> of(
            Optional<FormDefinition> form, Map<String, Object> stored, List<AttachmentView> files) {
        Map<String, List<String>> answers = Answers.of(stored);
        if (form.isEmpty()) {
            return answers.entrySet().stream()
                    .map(e -> new AnswerLine(e.getKey(), e.getKey(), String.join(", ", e.getValue())))
                    .toList();
        }
        List<AnswerLine> lines = new ArrayList<>();
        form.get().fields().filter(field -> field.kind().answerable()).forEach(field -> {
            String value = value(field, answers, files);
            if (value != null && !value.isBlank()) {
                lines.add(new AnswerLine(field.id(), field.label(), value));
            }
        });
        return lines;
    }

    static String value(FormField field, Map<String, List<String>> answers, List<AttachmentView> files) {
        if (field.kind() == FieldKind.ADDRESS) {
            String street = first(answers, AddressPart.street.key(field.id()));
            if (street == null) {
                return null;
            }
            return street + " " + nonNull(first(answers, AddressPart.houseNumber.key(field.id()))) + ", "
                    + nonNull(first(answers, AddressPart.postalCode.key(field.id()))) + " "
                    + nonNull(first(answers, AddressPart.city.key(field.id())));
        }
        List<String> values = answers.getOrDefault(field.id(), List.of()).stream()
                .filter(v -> v != null && !v.isBlank())
                .toList();
        if (values.isEmpty()) {
            return field.kind() == FieldKind.CHECKBOX ? "nein" : null;
        }
        return values.stream()
                .map(v -> switch (field.kind()) {
                    case CHECKBOX -> FormValidator.isChecked(v) ? "ja" : "nein";
                    case SELECT ->
                        field.options().stream()
                                .filter(o -> o.code().equals(v))
                                .map(FieldOption::label)
                                .findFirst()
                                .orElse(v);
                    case FILE ->
                        files.stream()
                                .filter(f -> f.id().toString().equals(v))
                                .map(f -> f.fileName() + " (" + f.sizeText() + ")")
                                .findFirst()
                                .orElse(v);
                    default -> v;
                })
                .collect(Collectors.joining(", "));
    }

    private static String first(Map<String, List<String>> answers, String key) {
        return answers.getOrDefault(key, List.of()).stream()
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElse(null);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
