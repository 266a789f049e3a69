package de.buergerservice.applications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.buergerservice.applications.FieldProblem;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormRules;
import de.buergerservice.applications.FormValidator;

/** The demo form can be stored, a complete registration passes, and the conditional field behaves. */
class DogRegistrationFormTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    final FormDefinition form = DogRegistrationForm.definition();

    Map<String, List<String>> complete() {
        Map<String, List<String>> answers = new HashMap<>();
        answers.put("ownerName", List.of("Anna Meyer"));
        answers.put("ownerAddress.street", List.of("Am Markt"));
        answers.put("ownerAddress.houseNumber", List.of("1"));
        answers.put("ownerAddress.postalCode", List.of("49610"));
        answers.put("ownerAddress.city", List.of("Quakenbrück"));
        answers.put("email", List.of("anna@example.org"));
        answers.put("birthDate", List.of("1980-05-17"));
        answers.put("dogName", List.of("Bello vom Artland"));
        answers.put("breed", List.of("dackel"));
        answers.put("acquiredOn", List.of("2026-11-20"));
        answers.put("iban", List.of("DE02 1203 0000 0000 2020 51"));
        answers.put("proof", List.of("kaufvertrag.pdf"));
        return answers;
    }

    @Test
    void isStorable() {
        assertThat(FormRules.check(form)).isEmpty();
    }

    @Test
    void givenCompleteAnswers_thenValid() {
        assertThat(FormValidator.validate(form, complete(), TODAY)).isEmpty();
    }

    @Test
    void givenDangerousDog_thenExpertiseRequired() {
        Map<String, List<String>> answers = complete();
        answers.put("dangerous", List.of("true"));
        assertThat(FormValidator.validate(form, answers, TODAY))
                .extracting(FieldProblem::fieldId)
                .containsExactly("expertise");
        answers.put("expertise", List.of("SK-2024-17 vom 03.04.2024"));
        assertThat(FormValidator.validate(form, answers, TODAY)).isEmpty();
    }

    @Test
    void givenNothing_thenEveryRequiredFieldIsNamedInOrder() {
        assertThat(FormValidator.validate(form, Map.of(), TODAY))
                .extracting(FieldProblem::fieldId)
                .containsExactly(
                        "ownerName",
                        "ownerAddress.street",
                        "email",
                        "birthDate",
                        "dogName",
                        "breed",
                        "acquiredOn",
                        "iban",
                        "proof");
    }
}
