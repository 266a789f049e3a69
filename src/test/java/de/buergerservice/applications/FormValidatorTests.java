package de.buergerservice.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of the server's validation, with the German message of each rejection. */
class FormValidatorTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static FormDefinition form(FormField... fields) {
        return new FormDefinition(
                "test", 1, "Test", null, List.of(new FormSection("s1", "Abschnitt", null, List.of(fields))), null);
    }

    static List<FieldProblem> check(FormField field, String... values) {
        return FormValidator.validate(form(field), Map.of(field.id(), List.of(values)), TODAY);
    }

    static List<String> messages(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::message).toList();
    }

    @Nested
    class Required {
        FormField name = FormField.of("name", "Familienname", FieldKind.TEXT, true);

        @Test
        void givenNoAnswer_thenRequiredMessage() {
            List<FieldProblem> problems = FormValidator.validate(form(name), Map.of(), TODAY);
            assertThat(problems)
                    .containsExactly(new FieldProblem(
                            "name",
                            "applications.validation.required",
                            List.of("Familienname"),
                            "Bitte füllen Sie das Feld „Familienname“ aus."));
        }

        @Test
        void givenBlankAnswer_thenRequired() {
            assertThat(messages(check(name, "   "))).containsExactly("Bitte füllen Sie das Feld „Familienname“ aus.");
        }

        @Test
        void givenAnswer_thenNoProblem() {
            assertThat(check(name, "Meyer")).isEmpty();
        }

        @Test
        void givenOptionalFieldWithoutAnswer_thenNoProblem() {
            assertThat(check(FormField.of("note", "Hinweis", FieldKind.TEXT, false)))
                    .isEmpty();
        }

        @Test
        void givenRequiredCheckboxNotChecked_thenConfirmMessage() {
            FormField consent = FormField.of("consent", "Einwilligung", FieldKind.CHECKBOX, true);
            assertThat(messages(check(consent, "false"))).containsExactly("Bitte bestätigen Sie „Einwilligung“.");
            assertThat(check(consent, "true")).isEmpty();
        }

        @Test
        void givenRequiredFileMissing_thenRequired() {
            FormField proof = FormField.of("proof", "Nachweis", FieldKind.FILE, true);
            assertThat(messages(check(proof))).containsExactly("Bitte füllen Sie das Feld „Nachweis“ aus.");
            assertThat(check(proof, "nachweis.pdf")).isEmpty();
        }

        @Test
        void labelsAreNeverAnswered() {
            FormField label = FormField.of("hint", "Bitte beachten Sie …", FieldKind.LABEL, true);
            assertThat(check(label)).isEmpty();
        }
    }

    @Nested
    class Visibility {
        FormField dangerous = FormField.of("dangerous", "Gefährlicher Hund", FieldKind.CHECKBOX, false);
        FormField proof = FormField.of("expertise", "Nachweis Sachkunde", FieldKind.TEXT, true)
                .visibleWhen("dangerous", "true");

        @Test
        void givenConditionNotMet_thenHiddenFieldIsNeitherRequiredNorChecked() {
            assertThat(FormValidator.validate(form(dangerous, proof), Map.of(), TODAY))
                    .isEmpty();
            assertThat(FormValidator.validate(form(dangerous, proof), Map.of("dangerous", List.of("false")), TODAY))
                    .isEmpty();
        }

        @Test
        void givenConditionMet_thenFieldIsRequired() {
            assertThat(messages(
                            FormValidator.validate(form(dangerous, proof), Map.of("dangerous", List.of("on")), TODAY)))
                    .containsExactly("Bitte füllen Sie das Feld „Nachweis Sachkunde“ aus.");
        }

        @Test
        void givenSelectCondition_thenEqualsTheCode() {
            FormField kind = FormField.of("kind", "Art", FieldKind.SELECT, true)
                    .withOptions(List.of(new FieldOption("a", "A"), new FieldOption("b", "B")));
            FormField detail =
                    FormField.of("detail", "Einzelheiten", FieldKind.TEXT, true).visibleWhen("kind", "b");
            assertThat(FormValidator.validate(form(kind, detail), Map.of("kind", List.of("a")), TODAY))
                    .isEmpty();
            assertThat(FormValidator.validate(form(kind, detail), Map.of("kind", List.of("b")), TODAY))
                    .extracting(FieldProblem::fieldId)
                    .containsExactly("detail");
        }

        @Test
        void givenConditionOnHiddenField_thenHiddenToo() {
            FormField third =
                    FormField.of("third", "Drittes", FieldKind.TEXT, true).visibleWhen("expertise", "x");
            Map<String, List<String>> answers = Map.of("expertise", List.of("x"));
            assertThat(FormValidator.validate(form(dangerous, proof, third), answers, TODAY))
                    .isEmpty();
        }
    }

    @Nested
    class Repeatable {
        FormField children = FormField.of("child", "Kind", FieldKind.TEXT, true).repeatable(2, 3);

        @Test
        void givenTooFew_thenTooFewMessage() {
            assertThat(messages(check(children, "Anna")))
                    .containsExactly("Bitte machen Sie im Feld „Kind“ mindestens 2 Angaben.");
        }

        @Test
        void givenTooMany_thenTooManyMessage() {
            assertThat(messages(check(children, "A", "B", "C", "D")))
                    .containsExactly("Im Feld „Kind“ sind höchstens 3 Angaben möglich.");
        }

        @Test
        void givenSingleFieldAnsweredTwice_thenTooMany() {
            assertThat(messages(check(FormField.of("x", "X", FieldKind.TEXT, false), "a", "b")))
                    .containsExactly("Im Feld „X“ sind höchstens 1 Angaben möglich.");
        }

        @Test
        void givenWithinCount_thenNoProblem() {
            assertThat(check(children, "A", "B")).isEmpty();
            assertThat(children.isRepeatable()).isTrue();
        }
    }

    @Nested
    class Text {
        FormField name = FormField.of("name", "Name", FieldKind.TEXT, false)
                .withConstraints(new FieldConstraints(2, 5, "[A-Za-zäöüß]+", null, null, null));

        @Test
        void givenTooShort_thenMessage() {
            assertThat(messages(check(name, "A"))).containsExactly("„Name“ muss mindestens 2 Zeichen lang sein.");
        }

        @Test
        void givenTooLong_thenMessage() {
            assertThat(messages(check(name, "Abcdef"))).containsExactly("„Name“ darf höchstens 5 Zeichen lang sein.");
        }

        @Test
        void givenPatternNotMatched_thenMessage() {
            assertThat(messages(check(name, "Ab1"))).containsExactly("„Name“ hat nicht das erwartete Format.");
        }

        @Test
        void givenFitting_thenNoProblem() {
            assertThat(check(name, "Möller".substring(0, 5))).isEmpty();
        }
    }

    @Nested
    class Numbers {
        FormField count = FormField.of("count", "Anzahl", FieldKind.NUMBER, false)
                .withConstraints(FieldConstraints.range(BigDecimal.ONE, new BigDecimal("10.5")));

        @Test
        void givenNoNumber_thenMessage() {
            assertThat(messages(check(count, "zwei")))
                    .containsExactly("„Anzahl“ muss eine Zahl sein, zum Beispiel 12 oder 12,5.");
        }

        @Test
        void givenBelowMin_thenMessage() {
            assertThat(messages(check(count, "0"))).containsExactly("„Anzahl“ muss mindestens 1 sein.");
        }

        @Test
        void givenAboveMax_thenMessage() {
            assertThat(messages(check(count, "10,6"))).containsExactly("„Anzahl“ darf höchstens 10,5 sein.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "10,5", "3.25", "7"})
        void givenInRange_thenNoProblem(String value) {
            assertThat(check(count, value)).isEmpty();
        }
    }

    @Nested
    class Dates {
        FormField birth = FormField.of("birth", "Geburtsdatum", FieldKind.DATE, false)
                .withConstraints(FieldConstraints.date(DateRule.PAST));
        FormField start = FormField.of("start", "Beginn", FieldKind.DATE, false)
                .withConstraints(FieldConstraints.date(DateRule.FUTURE));

        @Test
        void givenNoDate_thenMessage() {
            assertThat(messages(check(birth, "31.02.2020")))
                    .containsExactly("„Geburtsdatum“ muss ein Datum sein, zum Beispiel 31.12.2020.");
            assertThat(messages(check(birth, "gestern"))).hasSize(1);
        }

        @Test
        void givenPastRuleAndTodayOrLater_thenMessage() {
            assertThat(messages(check(birth, "2026-12-01")))
                    .containsExactly("„Geburtsdatum“ muss in der Vergangenheit liegen.");
        }

        @Test
        void givenPastRuleAndPastDate_thenNoProblem() {
            assertThat(check(birth, "1980-05-17")).isEmpty();
            assertThat(check(birth, "17.05.1980")).isEmpty();
        }

        @Test
        void givenFutureRuleAndTodayOrEarlier_thenMessage() {
            assertThat(messages(check(start, "01.12.2026"))).containsExactly("„Beginn“ muss in der Zukunft liegen.");
            assertThat(check(start, "2026-12-02")).isEmpty();
        }

        @Test
        void givenTodayRules_thenTodayAllowed() {
            FormField since = FormField.of("since", "Seit", FieldKind.DATE, false)
                    .withConstraints(FieldConstraints.date(DateRule.PAST_OR_TODAY));
            FormField from = FormField.of("from", "Ab", FieldKind.DATE, false)
                    .withConstraints(FieldConstraints.date(DateRule.FUTURE_OR_TODAY));
            assertThat(check(since, "2026-12-01")).isEmpty();
            assertThat(messages(check(since, "2026-12-02")))
                    .containsExactly("„Seit“ darf nicht in der Zukunft liegen.");
            assertThat(check(from, "2026-12-01")).isEmpty();
            assertThat(messages(check(from, "2026-11-30")))
                    .containsExactly("„Ab“ darf nicht in der Vergangenheit liegen.");
        }
    }

    @Nested
    class EmailAndPhone {
        FormField mail = FormField.of("mail", "E-Mail", FieldKind.EMAIL, false);
        FormField phone = FormField.of("phone", "Telefon", FieldKind.PHONE, false);

        @ParameterizedTest
        @ValueSource(strings = {"anna", "anna@", "anna@artland", "anna meyer@artland.de", "@artland.de"})
        void givenNoAddress_thenMessage(String value) {
            assertThat(messages(check(mail, value)))
                    .containsExactly("„E-Mail“ muss eine E-Mail-Adresse sein, zum Beispiel name@beispiel.de.");
        }

        @Test
        void givenAddress_thenNoProblem() {
            assertThat(check(mail, "anna.meyer+hund@artland.de")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "12", "05431 abc", "0049 5431 18-0 123456789012345"})
        void givenNoPhoneNumber_thenMessage(String value) {
            assertThat(messages(check(phone, value)))
                    .containsExactly("„Telefon“ muss eine Telefonnummer sein, zum Beispiel 05431 18-0.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"05431 18-0", "+49 5431 180", "0171/1234567", "(05431) 180"})
        void givenPhoneNumber_thenNoProblem(String value) {
            assertThat(check(phone, value)).isEmpty();
        }
    }

    @Nested
    class Ibans {
        FormField iban = FormField.of("iban", "IBAN", FieldKind.IBAN, false);

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "DE89 3704 0044 0532 0130 00",
                    "de89370400440532013000",
                    "AT61 1904 3002 3457 3201",
                    "NL91 ABNA 0417 1643 00",
                    "FR14 2004 1010 0505 0001 3M02 606",
                    "CH93 0076 2011 6238 5295 7"
                })
        void givenValidSepaIban_thenNoProblem(String value) {
            assertThat(check(iban, value)).isEmpty();
        }

        @Test
        void givenWrongCheckDigits_thenChecksumMessage() {
            assertThat(messages(check(iban, "DE88 3704 0044 0532 0130 00")))
                    .containsExactly("„IBAN“: Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie Ihre Eingabe.");
        }

        @Test
        void givenWrongLength_thenLengthMessage() {
            assertThat(messages(check(iban, "DE89 3704 0044 0532 0130 0")))
                    .containsExactly("„IBAN“: Eine IBAN aus DE hat 22 Stellen.");
        }

        @Test
        void givenCountryOutsideSepa_thenCountryMessage() {
            assertThat(messages(check(iban, "BR15 0000 0000 0000 1093 2840 814P2")))
                    .containsExactly("„IBAN“: Konten im Land BR nehmen nicht am SEPA-Lastschriftverfahren teil.");
        }

        @Test
        void givenNoIban_thenFormatMessage() {
            assertThat(messages(check(iban, "1234567890")))
                    .containsExactly(
                            "„IBAN“ ist keine IBAN. Eine IBAN beginnt mit dem Ländercode, zum Beispiel DE12 3456 …");
        }
    }

    @Nested
    class Selects {
        FormField breed = FormField.of("breed", "Rasse", FieldKind.SELECT, true)
                .withOptions(List.of(new FieldOption("dackel", "Dackel"), new FieldOption("mops", "Mops")));

        @Test
        void givenCodeOfTheList_thenNoProblem() {
            assertThat(check(breed, "mops")).isEmpty();
        }

        @Test
        void givenUnknownCode_thenMessage() {
            assertThat(messages(check(breed, "Mops")))
                    .containsExactly("„Rasse“: Bitte wählen Sie einen Eintrag aus der Liste.");
        }
    }

    @Nested
    class Addresses {
        FormField address = FormField.of("address", "Anschrift", FieldKind.ADDRESS, true);

        Map<String, List<String>> answers(String street, String number, String postalCode, String city) {
            Map<String, List<String>> answers = new HashMap<>();
            answers.put("address.street", List.of(street));
            answers.put("address.houseNumber", List.of(number));
            answers.put("address.postalCode", List.of(postalCode));
            answers.put("address.city", List.of(city));
            return answers;
        }

        List<FieldProblem> check(Map<String, List<String>> answers) {
            return FormValidator.validate(form(address), answers, TODAY);
        }

        @Test
        void givenCompleteAddress_thenNoProblem() {
            assertThat(check(answers("Am Markt", "12a", "49610", "Quakenbrück")))
                    .isEmpty();
            assertThat(check(answers("Lange Straße", "3-5", "01067", "Dresden")))
                    .isEmpty();
        }

        @Test
        void givenNothing_thenRequiredAtTheStreet() {
            assertThat(check(Map.of()))
                    .extracting(FieldProblem::fieldId, FieldProblem::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "address.street", "Bitte füllen Sie das Feld „Anschrift“ aus."));
        }

        @Test
        void givenPostalCodeOfFourDigits_thenMessageAtThePostalCode() {
            assertThat(check(answers("Am Markt", "1", "4961", "Quakenbrück")))
                    .extracting(FieldProblem::fieldId, FieldProblem::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "address.postalCode", "„Anschrift“: Die Postleitzahl hat fünf Ziffern."));
        }

        @Test
        void givenMissingParts_thenMessageAtEachFirstMissingPart() {
            assertThat(check(answers("", "1", "49610", "Quakenbrück")))
                    .extracting(FieldProblem::message)
                    .containsExactly("„Anschrift“: Bitte geben Sie die Straße an.");
            assertThat(check(answers("Am Markt", "eins", "49610", "Quakenbrück")))
                    .extracting(FieldProblem::message)
                    .containsExactly("„Anschrift“: Bitte geben Sie die Hausnummer an, zum Beispiel 12 oder 12a.");
            assertThat(check(answers("Am Markt", "1", "49610", " ")))
                    .extracting(FieldProblem::message)
                    .containsExactly("„Anschrift“: Bitte geben Sie den Ort an.");
        }

        @Test
        void givenOptionalAddressPartlyFilled_thenIncomplete() {
            FormField optional = FormField.of("address", "Anschrift", FieldKind.ADDRESS, false);
            Map<String, List<String>> partly = new HashMap<>();
            partly.put("address.city", List.of("Quakenbrück"));
            assertThat(FormValidator.validate(form(optional), partly, TODAY))
                    .extracting(FieldProblem::fieldId)
                    .containsExactly("address.street");
            assertThat(FormValidator.validate(form(optional), Map.of(), TODAY)).isEmpty();
        }
    }

    @Test
    void problemsComeInTheOrderOfTheFields() {
        FormField a = FormField.of("a", "A", FieldKind.TEXT, true);
        FormField b = FormField.of("b", "B", FieldKind.EMAIL, true);
        FormField c = FormField.of("c", "C", FieldKind.DATE, true);
        assertThat(FormValidator.validate(form(a, b, c), Map.of("b", List.of("x"), "c", List.of("x")), TODAY))
                .extracting(FieldProblem::fieldId)
                .containsExactly("a", "b", "c");
    }
}
