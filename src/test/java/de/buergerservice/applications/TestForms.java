package de.buergerservice.applications;

import java.util.List;
import java.util.UUID;

import de.buergerservice.applications.internal.FormStore;

/**
 * A small published form of the tests' own (a unique key per call, so tests never share one): section 1 asks who
 * applies (name, e-mail, a checkbox and a field shown only when it is checked), section 2 a required proof (FILE).
 */
public record TestForms(FormStore store) {

    public static final byte[] PDF =
            ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The start of a Windows program ("MZ", the DOS stub): what a renamed .exe looks like inside. */
    public static final byte[] EXE = exe();

    public static FormDefinition definition(String key) {
        return new FormDefinition(
                key,
                0,
                "Testantrag " + key,
                "Ein Antrag nur für Tests.",
                List.of(
                        new FormSection(
                                "person",
                                "Angaben zur Person",
                                null,
                                List.of(
                                        FormField.of("name", "Ihr Name", FieldKind.TEXT, true)
                                                .withHelp("Vor- und Nachname"),
                                        FormField.of("email", "E-Mail-Adresse", FieldKind.EMAIL, true),
                                        FormField.of("dangerous", "Der Hund ist gefährlich", FieldKind.CHECKBOX, false),
                                        FormField.of("expertise", "Sachkundenachweis-Nummer", FieldKind.TEXT, true)
                                                .visibleWhen("dangerous", "true"))),
                        new FormSection(
                                "proof",
                                "Nachweise",
                                null,
                                List.of(FormField.of("proof", "Nachweis (PDF, JPEG oder PNG)", FieldKind.FILE, true)))),
                null);
    }

    /** Stores and publishes a new form of the municipality; returns its key. */
    public String publish(UUID tenantId) {
        String key = "test-" + UUID.randomUUID().toString().substring(0, 8);
        store.save(tenantId, null, definition(key), "test");
        store.publish(tenantId, key, 1);
        return key;
    }

    /** A second version of the form with one more required field, published: the form "changed meanwhile". */
    public void changeForm(UUID tenantId, String key) {
        FormDefinition v1 = definition(key);
        List<FormSection> sections = new java.util.ArrayList<>(v1.sections());
        FormSection first = sections.get(0);
        List<FormField> fields = new java.util.ArrayList<>(first.fields());
        fields.add(FormField.of("birthDate", "Geburtsdatum", FieldKind.DATE, true));
        sections.set(0, new FormSection(first.id(), first.title(), first.help(), fields));
        store.save(tenantId, null, new FormDefinition(key, 0, v1.title(), v1.intro(), sections, null), "test");
        store.publish(tenantId, key, 2);
    }

    private static byte[] exe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }
}
