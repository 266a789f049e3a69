package de.buergerservice.applications.internal;

import java.util.List;

import de.buergerservice.applications.DateRule;
import de.buergerservice.applications.FieldConstraints;
import de.buergerservice.applications.FieldKind;
import de.buergerservice.applications.FieldOption;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.FormSection;

/** The demo form "Anmeldung eines Hundes" (Hundesteuer) of the Samtgemeinde Artland. */
final class DogRegistrationForm {

    static final String KEY = "hund-anmelden";

    private DogRegistrationForm() {}

    static FormDefinition definition() {
        return new FormDefinition(
                KEY,
                0,
                "Anmeldung eines Hundes",
                "Melden Sie Ihren Hund innerhalb eines Monats nach der Anschaffung oder dem Zuzug an. Sie erhalten"
                        + " danach den Steuerbescheid und die Hundemarke per Post.",
                List.of(
                        new FormSection(
                                "halter",
                                "Angaben zur Halterin oder zum Halter",
                                null,
                                List.of(
                                        FormField.of("ownerName", "Vor- und Nachname", FieldKind.TEXT, true)
                                                .withConstraints(FieldConstraints.length(2, 120)),
                                        FormField.of("ownerAddress", "Anschrift", FieldKind.ADDRESS, true)
                                                .withHelp("Die Anschrift, unter der der Hund gehalten wird."),
                                        FormField.of("email", "E-Mail-Adresse", FieldKind.EMAIL, true)
                                                .withHelp("An diese Adresse senden wir die Eingangsbestätigung."),
                                        FormField.of("phone", "Telefon für Rückfragen", FieldKind.PHONE, false),
                                        FormField.of("birthDate", "Geburtsdatum", FieldKind.DATE, true)
                                                .withConstraints(FieldConstraints.date(DateRule.PAST)))),
                        new FormSection(
                                "hund",
                                "Angaben zum Hund",
                                null,
                                List.of(
                                        FormField.of("dogName", "Name des Hundes", FieldKind.TEXT, true)
                                                .withConstraints(FieldConstraints.length(1, 50)),
                                        FormField.of("breed", "Rasse", FieldKind.SELECT, true)
                                                .withOptions(breeds())
                                                .withHelp("Bei Mischlingen wählen Sie „Mischling“."),
                                        FormField.of("acquiredOn", "Gehalten seit", FieldKind.DATE, true)
                                                .withConstraints(FieldConstraints.date(DateRule.PAST_OR_TODAY))
                                                .withHelp("Der Tag der Anschaffung oder des Zuzugs."),
                                        FormField.of(
                                                        "dangerous",
                                                        "Es ist ein gefährlicher Hund",
                                                        FieldKind.CHECKBOX,
                                                        false)
                                                .withHelp("Ein Hund, dessen Gefährlichkeit die Behörde nach § 7"
                                                        + " Niedersächsisches Hundegesetz (NHundG) festgestellt hat."),
                                        FormField.of("expertise", "Nachweis Sachkunde", FieldKind.TEXT, true)
                                                .withConstraints(FieldConstraints.length(3, 100))
                                                .withHelp("Nummer und Datum Ihrer Sachkundebescheinigung nach § 3"
                                                        + " NHundG.")
                                                .visibleWhen("dangerous", "true"))),
                        new FormSection(
                                "zahlung",
                                "SEPA-Lastschriftmandat",
                                null,
                                List.of(
                                        FormField.of(
                                                "sepaNote",
                                                "Mit Ihrer IBAN ermächtigen Sie die Samtgemeinde Artland, die"
                                                        + " Hundesteuer von Ihrem Konto einzuziehen.",
                                                FieldKind.LABEL,
                                                false),
                                        FormField.of("iban", "IBAN", FieldKind.IBAN, true)
                                                .withHelp("Zum Beispiel DE02 1203 0000 0000 2020 51."))),
                        new FormSection(
                                "nachweise",
                                "Nachweise",
                                null,
                                List.of(FormField.of("proof", "Nachweis über den Hund", FieldKind.FILE, true)
                                        .withHelp("Kaufvertrag, Abgabebescheinigung des Tierheims oder"
                                                + " Heimtierausweis, als PDF, JPEG oder PNG, höchstens 10 MB.")))),
                null);
    }

    private static List<FieldOption> breeds() {
        return List.of(
                new FieldOption("mischling", "Mischling"),
                new FieldOption("labrador", "Labrador Retriever"),
                new FieldOption("schaeferhund", "Deutscher Schäferhund"),
                new FieldOption("dackel", "Dackel"),
                new FieldOption("golden-retriever", "Golden Retriever"),
                new FieldOption("pudel", "Pudel"),
                new FieldOption("terrier", "Terrier"),
                new FieldOption("american-staffordshire", "American Staffordshire Terrier"),
                new FieldOption("pitbull", "Pitbull Terrier"),
                new FieldOption("andere", "Andere Rasse"));
    }
}
