package de.buergerservice.applications;

import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;

/**
 * The forms API as editors and staff use it: list, read, create, new versions, publish — and every input it
 * refuses, with its German message. Each test works on a form of its own key; the demo's dog form is only read.
 */
@IntegrationTest
class FormApiTests {

    static final String FORMS = "/api/v1/tenants/artland/forms";

    @Autowired
    MockMvcTester mvc;

    static String form(String key, String title) {
        return """
                {"formKey": "%s", "title": "%s", "sections": [{"id": "s1", "title": "Angaben",
                  "fields": [{"id": "name", "label": "Name", "kind": "TEXT", "required": true,
                              "constraints": {"maxLength": 50}}]}]}
                """.formatted(key, title);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    MvcTestResult send(String method, String uri, String body, String user) {
        var request =
                switch (method) {
                    case "POST" -> mvc.post();
                    case "PUT" -> mvc.put();
                    default -> mvc.delete();
                };
        return request.uri(uri)
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "" : body)
                .exchange();
    }

    MvcTestResult get(String uri, String user) {
        return mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
    }

    @Nested
    class Read {

        @Test
        void givenArtland_thenTheDogFormIsListedPublished() {
            assertThat(get(FORMS, "agent1"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$[?(@.formKey == 'hund-anmelden')].publishedVersion")
                    .asArray()
                    .isNotEmpty();
        }

        @Test
        void givenDogForm_thenItsJsonHasSectionsRulesAndCondition() {
            MvcTestResult result = get(FORMS + "/hund-anmelden", "agent1");
            assertThat(result).hasStatusOk();
            assertThat((String) read(result, "$.title")).isEqualTo("Anmeldung eines Hundes");
            assertThat((Object) read(result, "$.sections[1].fields[?(@.id == 'expertise')].visibleWhen.fieldId"))
                    .asString()
                    .contains("dangerous");
            assertThat((Object) read(result, "$.sections[0].fields[?(@.id == 'birthDate')].constraints.date"))
                    .asString()
                    .contains("PAST");
        }

        @Test
        void givenDogForm_thenLinkedToTheDogTaxService() {
            MvcTestResult result = get(FORMS, "agent1");
            assertThat((Object) read(result, "$[?(@.formKey == 'hund-anmelden')].serviceId"))
                    .asString()
                    .matches(".*[0-9a-f]{8}-.*");
        }

        @Test
        void givenUnknownForm_thenNotFoundInGerman() {
            assertThat(get(FORMS + "/gibt-es-nicht", "agent1"))
                    .hasStatus(404)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .isEqualTo("Dieses Formular gibt es bei dieser Kommune nicht.");
        }
    }

    @Nested
    class Versions {

        @Test
        void givenNewForm_thenUnpublishedUntilPublishedAndOldVersionsStayReadable() {
            String key = unique("versionen");
            assertThat(send("POST", FORMS, form(key, "Erste Fassung"), "editor"))
                    .hasStatus(201)
                    .headers()
                    .hasValue("Location", FORMS + "/" + key);
            // staff do not see an unpublished form, editors do
            assertThat(get(FORMS + "/" + key, "agent1")).hasStatus(404);
            assertThat(get(FORMS + "/" + key, "editor"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.version")
                    .isEqualTo(1);

            assertThat(send("POST", FORMS + "/" + key + "/versions/1/publication", null, "editor"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.publishedVersion")
                    .isEqualTo(1);
            assertThat(send("PUT", FORMS + "/" + key, form(key, "Zweite Fassung"), "editor"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.latestVersion")
                    .isEqualTo(2);
            // saving does not publish: staff still get version 1
            assertThat(get(FORMS + "/" + key, "agent1"))
                    .bodyJson()
                    .extractingPath("$.title")
                    .isEqualTo("Erste Fassung");

            assertThat(send("POST", FORMS + "/" + key + "/versions/2/publication", null, "editor"))
                    .hasStatusOk();
            assertThat(get(FORMS + "/" + key, "agent1"))
                    .bodyJson()
                    .extractingPath("$.title")
                    .isEqualTo("Zweite Fassung");
            assertThat(get(FORMS + "/" + key + "/versions/1", "agent1"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.title")
                    .isEqualTo("Erste Fassung");
            assertThat(get(FORMS + "/" + key + "/versions", "editor"))
                    .bodyJson()
                    .extractingPath("$[0].number")
                    .isEqualTo(2);
        }

        @Test
        void givenWithdrawnForm_thenStaffNoLongerSeeIt() {
            String key = unique("zurueck");
            send("POST", FORMS, form(key, "Zurückgezogen"), "editor");
            send("POST", FORMS + "/" + key + "/versions/1/publication", null, "editor");
            assertThat(send("DELETE", FORMS + "/" + key + "/publication", null, "editor"))
                    .hasStatusOk();
            assertThat(get(FORMS + "/" + key, "agent1")).hasStatus(404);
        }

        @Test
        void givenUnknownVersion_thenNotFound() {
            assertThat(send("POST", FORMS + "/hund-anmelden/versions/99/publication", null, "editor"))
                    .hasStatus(404)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .isEqualTo("Diese Version des Formulars gibt es nicht.");
        }
    }

    @Nested
    class Rejections {

        @Test
        void givenBrokenJson_thenGermanReasonWithLine() {
            assertThat(send("POST", FORMS, "{\"formKey\": \"kaputt\",\n \"title\": ", "editor"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .startsWith("Das JSON ist kein gültiges Formular (Zeile 2");
        }

        @Test
        void givenUnknownProperty_thenRefusedNotDropped() {
            assertThat(send("POST", FORMS, "{\"formKey\": \"tippfehler\", \"titel\": \"x\"}", "editor"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("definition");
        }

        @Test
        void givenKeyInUse_thenRefused() {
            assertThat(send("POST", FORMS, form("hund-anmelden", "Noch einmal"), "editor"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Ein Formular mit diesem Schlüssel gibt es bei dieser Kommune schon.");
        }

        @Test
        void givenSelectWithoutOptions_thenTheFieldIsNamed() {
            String body = """
                    {"formKey": "%s", "title": "Auswahl", "sections": [{"id": "s1", "title": "A",
                      "fields": [{"id": "farbe", "label": "Farbe", "kind": "SELECT"}]}]}
                    """.formatted(unique("auswahl"));
            MvcTestResult result = send("POST", FORMS, body, "editor");
            assertThat(result)
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("sections[0].fields[0].options");
            assertThat((String) read(result, "$.errors[0].message"))
                    .isEqualTo("Eine Auswahl braucht eine Liste von Einträgen (Code und Bezeichnung).");
        }

        @Test
        void givenBadFormKey_thenRefused() {
            assertThat(send("POST", FORMS, form("Hund Anmelden", "x"), "editor"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("formKey");
        }

        @Test
        void givenOtherKeyOnUpdate_thenRefused() {
            String key = unique("schluessel");
            send("POST", FORMS, form(key, "Schlüssel"), "editor");
            assertThat(send("PUT", FORMS + "/" + key, form("anderer-schluessel", "x"), "editor"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Der Schlüssel des Formulars kann nicht geändert werden; er lautet " + key + ".");
        }

        @Test
        void givenServiceOfNoKnownKind_thenRefused() {
            assertThat(send("POST", FORMS + "?serviceId=" + UUID.randomUUID(), form(unique("leistung"), "x"), "editor"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("serviceId");
        }

        @Test
        void givenAgent_thenMayNotCreateOrPublish() {
            assertThat(send("POST", FORMS, form(unique("agent"), "x"), "agent1"))
                    .hasStatus(403);
            assertThat(send("POST", FORMS + "/hund-anmelden/versions/1/publication", null, "agent1"))
                    .hasStatus(403);
        }
    }

    @Nested
    class FimUpload {

        static byte[] group(String id, String anzahl) {
            return ("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <xdf:xdatenfelder.datenfeldgruppe.0103 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0">
                      <xdf:header><xdf:nachrichtID>1</xdf:nachrichtID></xdf:header>
                      <xdf:datenfeldgruppe>
                        <xdf:identifikation><xdf:id>%s</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                        <xdf:name>Hochgeladen</xdf:name>
                        <xdf:struktur><xdf:anzahl>%s</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
                          <xdf:identifikation><xdf:id>F1</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                          <xdf:name>Familienname</xdf:name>
                          <xdf:feldart><code>input</code></xdf:feldart><xdf:datentyp><code>text</code></xdf:datentyp>
                        </xdf:datenfeld></xdf:enthaelt></xdf:struktur>
                      </xdf:datenfeldgruppe>
                    </xdf:xdatenfelder.datenfeldgruppe.0103>
                    """.formatted(id, anzahl)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        MvcTestResult upload(byte[] xml, String user) {
            return mvc.post()
                    .uri(FORMS + "/imports")
                    .multipart()
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "gruppe.xml", "text/xml", xml))
                    .with(httpBasic(user, "demo"))
                    .exchange();
        }

        @Test
        void givenXdf3Group_thenStoredUnpublishedWithFimIds() {
            String id = "G" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
            MvcTestResult result = upload(group(id, "1:1"), "editor");
            assertThat(result).hasStatus(201);
            String key = read(result, "$.form.formKey");
            assertThat(key).isEqualTo("fim-" + id.toLowerCase(java.util.Locale.ROOT));
            assertThat(read(result, "$.form.publishedVersion") == null).isTrue();
            assertThat(get(FORMS + "/" + key, "editor"))
                    .bodyJson()
                    .extractingPath("$.sections[0].fields[0].sourceId")
                    .isEqualTo("F1 1.0.0");
        }

        @Test
        void givenBrokenFile_thenGermanReasonAndNothingStored() {
            String id = "G" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
            MvcTestResult result = upload(group(id, "viele"), "editor");
            assertThat(result)
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("file");
            assertThat((String) read(result, "$.errors[0].message"))
                    .isEqualTo("„viele“ im Element <xdf:anzahl> ist keine Anzahl wie 0:1, 1:1 oder 0:*.");
            assertThat(get(FORMS + "/fim-" + id.toLowerCase(java.util.Locale.ROOT), "editor"))
                    .hasStatus(404);
        }

        @Test
        void givenAgent_thenMayNotImport() {
            assertThat(upload(group("G42", "1:1"), "agent1")).hasStatus(403);
        }
    }

    @Nested
    class Isolation {

        @Test
        void givenUserOfAnotherMunicipality_thenArtlandsFormsAreNotFound() {
            assertThat(get(FORMS, "oldenburg-backoffice")).hasStatus(404);
            assertThat(get(FORMS + "/hund-anmelden", "oldenburg-backoffice")).hasStatus(404);
            assertThat(get(FORMS + "/hund-anmelden/versions/1", "oldenburg-backoffice"))
                    .hasStatus(404);
        }

        @Test
        void givenUserOfAnotherMunicipality_thenCannotEdit() {
            assertThat(send("PUT", FORMS + "/hund-anmelden", form("hund-anmelden", "Fremd"), "oldenburg-backoffice")
                            .getResponse()
                            .getStatus())
                    .isIn(403, 404);
            assertThat(get(FORMS + "/hund-anmelden", "agent1"))
                    .bodyJson()
                    .extractingPath("$.title")
                    .isEqualTo("Anmeldung eines Hundes");
        }

        @Test
        void givenOwnMunicipality_thenVisible() {
            assertThat(get(FORMS + "/hund-anmelden", "artland-backoffice")).hasStatusOk();
        }
    }
}
