package de.buergerservice.applications.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.applications.FormDefinition;

/**
 * A {@link FormDefinition} as the JSON stored in {@code application_form_version} and edited in the editors'
 * textarea. Unknown properties are refused, so a typo in an editor's JSON is reported instead of dropped.
 */
public final class FormJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_EMPTY)
                    .withContentInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private FormJson() {}

    public static String write(FormDefinition form) {
        return MAPPER.writeValueAsString(form);
    }

    /** The definition in {@code json}; throws {@link UnreadableForm} with a German reason if it cannot be read. */
    public static FormDefinition read(String json) {
        try {
            FormDefinition form = MAPPER.readValue(json, FormDefinition.class);
            if (form == null) {
                throw new UnreadableForm("Das JSON ist leer.");
            }
            return form;
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (Zeile " + e.getLocation().getLineNr() + ", Spalte "
                            + e.getLocation().getColumnNr() + ")";
            throw new UnreadableForm("Das JSON ist kein gültiges Formular" + where + ": " + e.getOriginalMessage());
        }
    }

    /** JSON that is not a form definition; the message is German and names where it failed. */
    public static class UnreadableForm extends RuntimeException {
        public UnreadableForm(String message) {
            super(message);
        }
    }
}
