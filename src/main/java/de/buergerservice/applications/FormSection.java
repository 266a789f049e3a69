package de.buergerservice.applications;

import java.util.List;

/** A group of fields shown together (one step of a multi-step form; a Datenfeldgruppe when imported). */
public record FormSection(String id, String title, String help, List<FormField> fields) {

    public FormSection {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
