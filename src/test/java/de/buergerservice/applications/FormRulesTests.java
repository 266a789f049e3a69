package de.buergerservice.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.buergerservice.applications.internal.FormJson;

/** What makes a definition storable, and the JSON it is stored as. */
class FormRulesTests {

    static FormDefinition form(FormField... fields) {
        return new FormDefinition(
                "hund-anmelden",
                0,
                "Hund anmelden",
                null,
                List.of(new FormSection("s1", "Halter", null, List.of(fields))),
                null);
    }

    @Test
    void givenSoundForm_thenNoProblem() {
        assertThat(FormRules.check(form(FormField.of("name", "Name", FieldKind.TEXT, true))))
                .isEmpty();
    }

    @Test
    void givenBadKeyAndNoSections_thenBothReported() {
        FormDefinition form = new FormDefinition("Hund Anmelden", 0, " ", null, List.of(), null);
        assertThat(FormRules.check(form))
                .extracting(FieldProblem::fieldId)
                .containsExactly("formKey", "title", "sections");
    }

    @Test
    void givenDuplicateIds_thenReportedAtTheSecond() {
        assertThat(FormRules.check(form(
                        FormField.of("name", "Name", FieldKind.TEXT, true),
                        FormField.of("name", "Name 2", FieldKind.TEXT, true))))
                .extracting(FieldProblem::fieldId, FieldProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "sections[0].fields[1].id", "Die Kennung name kommt mehrfach vor."));
    }

    @Test
    void givenSelectWithoutOptions_badPatternAndUnknownCondition_thenEachReported() {
        assertThat(FormRules.check(form(
                        FormField.of("breed", "Rasse", FieldKind.SELECT, true),
                        FormField.of("x", "X", FieldKind.TEXT, false)
                                .withConstraints(new FieldConstraints(5, 2, "[a-", null, null, null)),
                        FormField.of("y", "Y", FieldKind.TEXT, false).visibleWhen("nope", "1"))))
                .extracting(FieldProblem::fieldId)
                .containsExactly(
                        "sections[0].fields[0].options",
                        "sections[0].fields[1].constraints.maxLength",
                        "sections[0].fields[1].constraints.pattern",
                        "sections[0].fields[2].visibleWhen.fieldId");
    }

    @Test
    void jsonRoundTripKeepsEverything() {
        FormDefinition form = new FormDefinition(
                "hund-anmelden",
                3,
                "Hund anmelden",
                "Einleitung",
                List.of(new FormSection(
                        "s1",
                        "Hund",
                        "Hilfe",
                        List.of(
                                FormField.of("breed", "Rasse", FieldKind.SELECT, true)
                                        .withOptions(List.of(new FieldOption("mops", "Mops")))
                                        .withHelp("Wählen Sie"),
                                FormField.of("dangerous", "Gefährlich", FieldKind.CHECKBOX, false),
                                FormField.of("proof", "Nachweis", FieldKind.TEXT, true)
                                        .visibleWhen("dangerous", "true")
                                        .repeatable(1, null)
                                        .withConstraints(FieldConstraints.length(1, 20))))),
                new FormSource("XDF2", "S1234", "1.0"));
        String json = FormJson.write(form);
        assertThat(json).doesNotContain("repeatable").doesNotContain("\"pattern\"");
        assertThat(FormJson.read(json)).isEqualTo(form);
    }

    @Test
    void givenUnknownPropertyOrBrokenJson_thenGermanReason() {
        assertThatThrownBy(() -> FormJson.read("{\"formKey\":\"a\",\"titel\":\"x\"}"))
                .isInstanceOf(FormJson.UnreadableForm.class)
                .hasMessageStartingWith("Das JSON ist kein gültiges Formular (Zeile 1");
        assertThatThrownBy(() -> FormJson.read("{\"formKey\":"))
                .isInstanceOf(FormJson.UnreadableForm.class)
                .hasMessageContaining("Das JSON ist kein gültiges Formular");
    }
}
