package de.buergerservice.portal.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.buergerservice.applications.AddressPart;
import de.buergerservice.applications.FieldKind;
import de.buergerservice.applications.FieldOption;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.FormValidator;
import de.buergerservice.applications.UploadedFile;

/** An answer as the summary shows it: a select's label, "ja"/"nein", an address on one line, file names. */
final class SummaryValues {

    private SummaryValues() {}

    static String of(FormField field, Map<String, List<String>> answers, Map<String, List<UploadedFile>> files) {
        if (field.kind() == FieldKind.ADDRESS) {
            String street = first(answers, AddressPart.street.key(field.id()));
            if (street == null) {
                return null;
            }
            return street + " " + orEmpty(first(answers, AddressPart.houseNumber.key(field.id()))) + ", "
                    + orEmpty(first(answers, AddressPart.postalCode.key(field.id()))) + " "
                    + orEmpty(first(answers, AddressPart.city.key(field.id())));
        }
        if (field.kind() == FieldKind.FILE) {
            return files.getOrDefault(field.id(), List.of()).stream()
                    .map(UploadedFile::fileName)
                    .collect(Collectors.joining(", "));
        }
        List<String> values = answers.getOrDefault(field.id(), List.of());
        if (field.kind() == FieldKind.CHECKBOX) {
            return values.stream().anyMatch(FormValidator::isChecked) ? "ja" : "nein";
        }
        return values.stream()
                .map(v -> field.kind() == FieldKind.SELECT
                        ? field.options().stream()
                                .filter(o -> o.code().equals(v))
                                .map(FieldOption::label)
                                .findFirst()
                                .orElse(v)
                        : v)
                .collect(Collectors.joining(", "));
    }

    private static String first(Map<String, List<String>> answers, String key) {
        return answers.getOrDefault(key, List.of()).stream().findFirst().orElse(null);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
