package de.buergerservice.applications;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One version of a form: what is stored as JSON in {@code application_form_version} and what a submission is
 * checked against. A submission keeps {@code version}, so the version it was made with stays readable.
 *
 * @param formKey the form's name within its municipality, e.g. {@code hund-anmelden} (lower case, digits, '-')
 * @param version the stored version number, from 1; 0 for a definition not yet stored
 * @param source the FIM schema it was imported from, or {@code null}
 */
public record FormDefinition(
        String formKey, int version, String title, String intro, List<FormSection> sections, FormSource source) {

    public FormDefinition {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** Every field of every section, in order. */
    public Stream<FormField> fields() {
        return sections.stream().flatMap(section -> section.fields().stream());
    }

    public Optional<FormField> field(String id) {
        return fields().filter(field -> field.id().equals(id)).findFirst();
    }

    public FormDefinition withVersion(int number) {
        return new FormDefinition(formKey, number, title, intro, sections, source);
    }

    public FormDefinition withFormKey(String key) {
        return new FormDefinition(key, version, title, intro, sections, source);
    }
}
