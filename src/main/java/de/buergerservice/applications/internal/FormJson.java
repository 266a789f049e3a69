package de.buergerservice.applications.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import de.buergerservice.applications.FormDefinition;

/**
 * A {@link FormDefinition} as the JSON stored in {@code application_form_version} and edited in the editors'
 * textarea. Unknown properties are refused, so a typo in an editor's JSON is reported instead of dropped.
 */
public final class FormJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // an absent "required" or "version" means false / 0, as in the Java model
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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
            throw new UnreadableForm("Das JSON ist kein gültiges Formular" + where + ": " + reason(e));
        }
    }

    /** Why Jackson refused the JSON, in German, naming the element by its path. */
    private static String reason(JacksonException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unbekannte Angabe „" + unknown.getPropertyName() + "“"
                    + (path.contains(".") ? " in " + parent(path) : "") + ".";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "„" + invalid.getValue() + "“ ist kein gültiger Wert für " + path + ".";
        }
        if (e instanceof MismatchedInputException) {
            return path.isEmpty() ? "ein Formular ist ein JSON-Objekt { … }." : "unerwarteter Wert für " + path + ".";
        }
        if (e instanceof StreamReadException) {
            return "das ist kein vollständiges JSON (Klammer, Komma oder Anführungszeichen fehlt).";
        }
        return "unerwarteter Inhalt" + (path.isEmpty() ? "" : " bei " + path) + ".";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('.'));
    }

    /** JSON that is not a form definition; the message is German and names where it failed. */
    public static class UnreadableForm extends RuntimeException {
        public UnreadableForm(String message) {
            super(message);
        }
    }
}
