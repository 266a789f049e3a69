package de.buergerservice.applications.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.buergerservice.applications.AddressPart;
import de.buergerservice.applications.FieldProblem;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.FormValidator;

/**
 * What the shared fragment {@code applications/form-fields.html} renders a form with: the answers so far (input
 * names {@code f:<fieldId>}, address parts {@code f:<fieldId>.<part>}, as on the portal) and the problems per input.
 */
public record FormPreview(FormDefinition form, Map<String, List<String>> answers, List<FieldProblem> problems) {

    public static final String PREFIX = "f:";

    /** The answers among request parameters: those named {@code f:…}, without the prefix. */
    public static Map<String, List<String>> answers(Map<String, List<String>> params) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(PREFIX)) {
                answers.put(name.substring(PREFIX.length()), values);
            }
        });
        return answers;
    }

    public String value(String key) {
        List<String> values = answers.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    public String part(FormField field, String part) {
        return value(AddressPart.valueOf(part).key(field.id()));
    }

    public boolean checked(FormField field) {
        return answers.getOrDefault(field.id(), List.of()).stream().anyMatch(FormValidator::isChecked);
    }

    public boolean selected(FormField field, String code) {
        return answers.getOrDefault(field.id(), List.of()).contains(code);
    }

    public boolean visible(FormField field) {
        return FormValidator.isVisible(form, field, answers);
    }

    /** The problem of an input (a field id or an address part's key), or {@code null}. */
    public String problem(String inputId) {
        return byInput().get(inputId);
    }

    /** The problem of a field or of any of its address parts. */
    public String fieldProblem(FormField field) {
        return problems.stream()
                .filter(p -> p.fieldId().equals(field.id()) || p.fieldId().startsWith(field.id() + "."))
                .map(FieldProblem::message)
                .findFirst()
                .orElse(null);
    }

    /** {@link #inputId} for templates. */
    public String id(String key) {
        return inputId(key);
    }

    /** The id of an input in HTML: dots of address parts become '-', so the id is a plain fragment. */
    public static String inputId(String key) {
        return "f-" + key.replace('.', '-');
    }

    private Map<String, String> byInput() {
        return problems.stream().collect(Collectors.toMap(FieldProblem::fieldId, FieldProblem::message, (a, b) -> a));
    }
}
