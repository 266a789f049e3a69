package de.buergerservice.applications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;

/** The editors' form pages in German: list, edit, save a version, publish, preview with the server's messages. */
@IntegrationTest
@WithUserDetails("editor")
class FormEditorPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void listShowsTheMunicipalitysForms() {
        assertThat(mvc.get().uri("/forms?tenant=artland"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Online-Formulare – Samtgemeinde Artland",
                        "Anmeldung eines Hundes",
                        "hund-anmelden",
                        "Aus FIM importieren");
    }

    @Test
    void editShowsJsonVersionsAndPreviewLink() {
        assertThat(mvc.get().uri("/forms/artland/hund-anmelden"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Formular als JSON",
                        "&quot;formKey&quot; : &quot;hund-anmelden&quot;",
                        "Versionen",
                        "Vorschau");
    }

    @Test
    void previewRendersFieldsWithTheConditionalOneHidden() {
        assertThat(mvc.get().uri("/forms/artland/hund-anmelden/preview"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Vorschau: Anmeldung eines Hundes",
                        "name=\"f:ownerAddress.postalCode\"",
                        "Deutscher Schäferhund")
                .containsPattern("data-visible-when=\"dangerous=true\"\\s+hidden");
    }

    @Test
    void previewCheckShowsTheServersGermanMessagesInASummary() {
        assertThat(mvc.post()
                        .uri("/forms/artland/hund-anmelden/preview")
                        .with(csrf())
                        .param("version", "1")
                        .param("f:iban", "DE88 3704 0044 0532 0130 00")
                        .param("f:ownerAddress.postalCode", "4961")
                        .param("f:dangerous", "true"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Bitte prüfen Sie Ihre Angaben",
                        "„IBAN“: Die Prüfziffer der IBAN stimmt nicht.",
                        "href=\"#f-ownerName\"",
                        "Bitte füllen Sie das Feld „Nachweis Sachkunde“ aus.");
    }

    @Test
    void givenBrokenJson_thenTheListShowsWhyAndKeepsTheText() {
        assertThat(mvc.post().uri("/forms/artland").with(csrf()).param("json", "{\"formKey\": \"x\", \"titel\": 1}"))
                .hasStatusOk()
                .bodyText()
                .contains("Das Formular wurde nicht gespeichert", "unbekannte Angabe „titel“");
    }

    @Test
    void createSaveAndPublishThroughThePages() {
        String key = "seite-" + UUID.randomUUID().toString().substring(0, 8);
        String json = """
                {"formKey": "%s", "title": "Seitentest", "sections": [{"id": "s1", "title": "A",
                  "fields": [{"id": "name", "label": "Name", "kind": "TEXT", "required": true}]}]}""".formatted(key);
        assertThat(mvc.post().uri("/forms/artland").with(csrf()).param("json", json))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .isEqualTo("/forms/artland/" + key);
        assertThat(mvc.post()
                        .uri("/forms/artland/" + key)
                        .with(csrf())
                        .param("json", json.replace("Seitentest", "Zweiter")))
                .hasStatus3xxRedirection();
        assertThat(mvc.post()
                        .uri("/forms/artland/" + key + "/versions/2/publish")
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/forms/artland/" + key))
                .hasStatusOk()
                .bodyText()
                .contains("Zweiter", "Version 2");
    }

    @Test
    void givenAgent_thenThePagesAreForbidden() {
        assertThat(mvc.get().uri("/forms?tenant=artland").with(user("agent1").roles("AGENT")))
                .hasStatus(403);
    }
}
