package de.buergerservice.applications.internal.fim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import de.buergerservice.applications.FieldKind;
import de.buergerservice.applications.FormDefinition;
import de.buergerservice.applications.FormField;
import de.buergerservice.applications.FormRules;

/**
 * The FIM XDatenfelder import against the sample files of {@code ../shared/data/fim} (see its README: which are
 * valid and which broken on purpose), plus the mapping rules on small messages of its own.
 */
class FimImportTests {

    static final Path SAMPLES = Path.of("..", "shared", "data", "fim");

    /** Each sample and whether the README calls it valid; the reason a broken one must name. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("xdf2/simple.xml", null),
                Arguments.of("xdf2/minimal.xml", null),
                Arguments.of("xdf2/label.xml", null),
                Arguments.of("xdf2/select.xml", null),
                Arguments.of("xdf2/rule.xml", null),
                Arguments.of("xdf2/data-field-rule.xml", null),
                Arguments.of("xdf2/data-group-rule.xml", null),
                Arguments.of(
                        "xdf2/duplicate-optional-value.xml",
                        "Das Element <xdf:beschreibung> in <xdf:stammdatenschema> kommt mehrfach vor"),
                Arguments.of(
                        "xdf2/duplicate-required-value.xml",
                        "Das Element <xdf:name> in <xdf:stammdatenschema> kommt mehrfach vor"),
                Arguments.of(
                        "xdf2/unknown-namespace.xml",
                        "Unbekannter Namensraum „urn:xoev-de:fim:standard:xdatenfelder_unknown“"),
                Arguments.of("xdf3/simple.xml", null),
                Arguments.of("xdf3/input.xml", null),
                Arguments.of(
                        "xdf3/duplicate-id-node.xml",
                        "Das Element <xdf:id> in <xdf:identifikation> kommt mehrfach vor"),
                Arguments.of("xdf3/empty-id-node.xml", "Das Element <xdf:id> in <xdf:datenfeldgruppe> ist leer"),
                Arguments.of("xdf3/missing-id-node.xml", "fehlt <xdf:id>"),
                Arguments.of(
                        "xdf3/invalid-freigabestatus.xml",
                        "Ungültiger Freigabestatus „10“ im Element <xdf:freigabestatus>"),
                Arguments.of("xdf3/unexpected-node.xml", "Unerwartetes Element <xdf:unknown> in <xdf:identifikation>"),
                Arguments.of(
                        "xdf3/unknown-namespace.xml",
                        "Unbekannter Namensraum „urn:xoev-de:fim:standard:xdatenfelder_unknown“"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleImportsOrIsRefusedAsTheReadmeSays(String file, String refusal) throws IOException {
        assumeTrue(
                Files.isDirectory(SAMPLES),
                "FIM samples not found at " + SAMPLES.toAbsolutePath() + " (../shared/data/fim): skipped");
        byte[] xml = Files.readAllBytes(SAMPLES.resolve(file));
        if (refusal == null) {
            FimImport.Result result = FimImport.read(xml);
            assertThat(result.form().source()).isNotNull();
            assertThat(FormRules.check(result.form()))
                    .as("storable form from " + file)
                    .isEmpty();
        } else {
            assertThatThrownBy(() -> FimImport.read(xml))
                    .isInstanceOf(FimImport.FimRefused.class)
                    .hasMessageContaining(refusal);
        }
    }

    @Test
    void givenXdf2Simple_thenGroupBecomesSectionAndPraezisierungLengths() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "FIM samples not found at ../shared/data/fim: skipped");
        FimImport.Result result = FimImport.read(Files.readAllBytes(SAMPLES.resolve("xdf2/simple.xml")));
        FormDefinition form = result.form();
        assertThat(form.formKey()).isEqualTo("fim-t1234");
        assertThat(form.source().id()).isEqualTo("T1234");
        assertThat(form.source().version()).isEqualTo("1.0");
        assertThat(form.sections()).hasSize(1);
        assertThat(form.sections().get(0).id()).isEqualTo("G00000082");
        assertThat(form.sections().get(0).title()).isEqualTo("Natürliche Person");
        FormField name = form.sections().get(0).fields().get(0);
        assertThat(name.id()).isEqualTo("F60000227");
        assertThat(name.sourceId()).isEqualTo("F60000227 1.1");
        assertThat(name.kind()).isEqualTo(FieldKind.TEXT);
        assertThat(name.required()).isTrue();
        assertThat(name.help()).isEqualTo("Hilfe Eingabe");
        assertThat(name.constraints().minLength()).isEqualTo(1);
        assertThat(name.constraints().maxLength()).isEqualTo(120);
        assertThat(result.warnings()).anyMatch(w -> w.contains("Regeln"));
    }

    @Test
    void givenXdf3Input_thenAttributesArePraezisierungAndOptionalGroup() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "FIM samples not found at ../shared/data/fim: skipped");
        FimImport.Result result = FimImport.read(Files.readAllBytes(SAMPLES.resolve("xdf3/input.xml")));
        FormField street = result.form().sections().get(0).fields().get(0);
        assertThat(result.form().source().standard()).isEqualTo("XDF3");
        assertThat(street.id()).isEqualTo("F60000000243");
        assertThat(street.constraints().maxLength()).isEqualTo(1);
        assertThat(street.constraints().pattern()).isEqualTo("abc");
        assertThat(street.constraints().max()).isEqualTo(BigDecimal.ONE);
        // a select whose code list is not in the file becomes a text field, with a warning
        assertThat(street.kind()).isEqualTo(FieldKind.TEXT);
        assertThat(result.warnings()).anyMatch(w -> w.contains("Codeliste"));
    }

    static byte[] xdf3(String fields) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <xdf:xdatenfelder.datenfeldgruppe.0103 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">
                  <xdf:header><xdf:nachrichtID>1</xdf:nachrichtID><xdf:erstellungszeitpunkt>2024-01-01T00:00:00Z</xdf:erstellungszeitpunkt></xdf:header>
                  <xdf:datenfeldgruppe>
                    <xdf:identifikation><xdf:id>G1</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                    <xdf:name>Gruppe</xdf:name>
                    <xdf:freigabestatus><code>6</code></xdf:freigabestatus>
                """ + fields + """
                  </xdf:datenfeldgruppe>
                </xdf:xdatenfelder.datenfeldgruppe.0103>
                """).getBytes(StandardCharsets.UTF_8);
    }

    static String field(String id, String anzahl, String feldart, String datentyp, String extra) {
        return """
                <xdf:struktur><xdf:anzahl>%s</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
                  <xdf:identifikation><xdf:id>%s</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                  <xdf:name>Feld %s</xdf:name><xdf:freigabestatus><code>6</code></xdf:freigabestatus>
                  <xdf:feldart><code>%s</code></xdf:feldart><xdf:datentyp><code>%s</code></xdf:datentyp>%s
                </xdf:datenfeld></xdf:enthaelt></xdf:struktur>
                """.formatted(anzahl, id, id, feldart, datentyp, extra);
    }

    @Test
    void givenAnzahl_thenRequiredAndRepeatable() {
        FormDefinition form = FimImport.read(xdf3(field("F1", "1:1", "input", "text", "")
                        + field("F2", "0:1", "input", "date", "")
                        + field("F3", "2:*", "input", "num_int", "")))
                .form();
        List<FormField> fields = form.sections().get(0).fields();
        assertThat(fields)
                .extracting(FormField::kind)
                .containsExactly(FieldKind.TEXT, FieldKind.DATE, FieldKind.NUMBER);
        assertThat(fields).extracting(FormField::required).containsExactly(true, false, true);
        assertThat(fields.get(2).isRepeatable()).isTrue();
        assertThat(fields.get(2).requiredCount()).isEqualTo(2);
        assertThat(fields.get(2).maxCount()).isNull();
    }

    @Test
    void givenContainedCodeList_thenOptions() {
        String werte = """
                <xdf:werte><xdf:wert><xdf:code>1</xdf:code><xdf:name>ledig</xdf:name></xdf:wert>
                <xdf:wert><xdf:code>2</xdf:code><xdf:name>verheiratet</xdf:name></xdf:wert></xdf:werte>""";
        FormField select = FimImport.read(xdf3(field("F1", "1:1", "select", "text", werte)))
                .form()
                .sections()
                .get(0)
                .fields()
                .get(0);
        assertThat(select.kind()).isEqualTo(FieldKind.SELECT);
        assertThat(select.options())
                .extracting(o -> o.code() + "=" + o.label())
                .containsExactly("1=ledig", "2=verheiratet");
    }

    @Test
    void givenCheckboxAndLabel_thenTheirKinds() {
        List<FormField> fields = FimImport.read(xdf3(field("F1", "0:1", "check", "bool", "")
                        + field("F2", "1:1", "label", "text", "<xdf:inhalt>Bitte beachten</xdf:inhalt>")))
                .form()
                .sections()
                .get(0)
                .fields();
        assertThat(fields).extracting(FormField::kind).containsExactly(FieldKind.CHECKBOX, FieldKind.LABEL);
        assertThat(fields.get(1).label()).isEqualTo("Bitte beachten");
    }

    @Test
    void givenBadAnzahl_thenRefusedNamingIt() {
        assertThatThrownBy(() -> FimImport.read(xdf3(field("F1", "viele", "input", "text", ""))))
                .isInstanceOf(FimImport.FimRefused.class)
                .hasMessage("„viele“ im Element <xdf:anzahl> ist keine Anzahl wie 0:1, 1:1 oder 0:*.");
    }

    @Test
    void givenUnknownFeldart_thenRefused() {
        assertThatThrownBy(() -> FimImport.read(xdf3(field("F1", "1:1", "slider", "text", ""))))
                .isInstanceOf(FimImport.FimRefused.class)
                .hasMessageContaining("Unbekannte Feldart „slider“");
    }

    @Test
    void givenNoXml_thenRefused() {
        assertThatThrownBy(() -> FimImport.read("kein xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FimImport.FimRefused.class)
                .hasMessageStartingWith("Die Datei ist kein lesbares XML");
    }

    @Test
    void givenExternalEntity_thenRefusedAndNothingRead() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <xdf:xdatenfelder.datenfeldgruppe.0103 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">&secret;</xdf:xdatenfelder.datenfeldgruppe.0103>
                """;
        assertThatThrownBy(() -> FimImport.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FimImport.FimRefused.class);
    }
}
