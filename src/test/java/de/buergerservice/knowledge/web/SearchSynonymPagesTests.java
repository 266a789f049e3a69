package de.buergerservice.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;

/** The German synonyms page editors use, with the messages its form shows. */
@IntegrationTest
@WithUserDetails("editor")
class SearchSynonymPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void pageListsTheTenantsSynonyms() {
        assertThat(mvc.get().uri("/knowledge/synonyms").param("tenant", "oldenburg"))
                .hasStatusOk()
                .bodyText()
                .contains("Suchsynonyme – Stadt Oldenburg", "knöllchen", "Verwarnungsgeld", "Suche ausprobieren");
    }

    @Test
    void givenValidForm_thenCreatedAndListed() {
        assertThat(mvc.post()
                        .uri("/knowledge/synonyms")
                        .param("tenant", "artland")
                        .with(csrf())
                        .param("term", "Gelbe Tonne")
                        .param("expansions", "Wertstoffe, Verpackungen"))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .isEqualTo("/knowledge/synonyms?tenant=artland");
        assertThat(mvc.get().uri("/knowledge/synonyms").param("tenant", "artland"))
                .bodyText()
                .contains("Gelbe Tonne", "Wertstoffe, Verpackungen");
    }

    @Test
    void givenEmptyOrDuplicateTerm_thenGermanMessageAtTheField() {
        assertThat(mvc.post()
                        .uri("/knowledge/synonyms")
                        .param("tenant", "oldenburg")
                        .with(csrf())
                        .param("term", "")
                        .param("expansions", ""))
                .hasStatusOk()
                .bodyText()
                .contains("Bitte korrigieren Sie die markierten Angaben.");
        assertThat(mvc.post()
                        .uri("/knowledge/synonyms")
                        .param("tenant", "oldenburg")
                        .with(csrf())
                        .param("term", "Bewohnerparken")
                        .param("expansions", "Ausweis"))
                .hasStatusOk()
                .bodyText()
                .contains("Für „Bewohnerparken“ gibt es schon ein Synonym.");
    }

    @Test
    void trialSearchNamesTheTenantOnceAndAnswersWithHitsOrAMessage() {
        // the form's hidden field carries the tenant; a second one in the URL made it "artland,artland" (404)
        assertThat(mvc.get().uri("/knowledge/synonyms").param("tenant", "artland"))
                .bodyText()
                .contains("hx-get=\"/knowledge/synonyms/try\"")
                .doesNotContain("/knowledge/synonyms/try?tenant");
        assertThat(mvc.get()
                        .uri("/knowledge/synonyms/try")
                        .param("tenant", "artland")
                        .param("q", "Perso verloren"))
                .hasStatusOk()
                .bodyText()
                .contains("Personalausweis");
        assertThat(mvc.get()
                        .uri("/knowledge/synonyms/try")
                        .param("tenant", "artland")
                        .param("q", "qqxxzzyy"))
                .hasStatusOk()
                .bodyText()
                .contains("Keine Treffer.");
        assertThat(mvc.get().uri("/knowledge/synonyms/try").param("tenant", "artland"))
                .hasStatusOk()
                .bodyText()
                .contains("Bitte einen Suchbegriff eingeben.");
        assertThat(mvc.get()
                        .uri("/knowledge/synonyms/try")
                        .param("tenant", "artland", "artland")
                        .param("q", "Perso"))
                .hasStatusOk()
                .bodyText()
                .contains("Die Suche konnte nicht ausgeführt werden");
    }

    @Test
    void serviceCenterWideSynonymsAreListedAndAddedOnThePage() {
        assertThat(mvc.get().uri("/knowledge/synonyms").param("tenant", "artland"))
                .bodyText()
                .contains("Für das ganze ServiceCenter", "Nur für Samtgemeinde Artland", "steuermarke");
        assertThat(mvc.post()
                        .uri("/knowledge/synonyms/shared")
                        .param("tenant", "artland")
                        .with(csrf())
                        .param("term", "Bürgeramt")
                        .param("expansions", "Bürgerbüro"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/knowledge/synonyms").param("tenant", "oldenburg"))
                .bodyText()
                .contains("Bürgeramt", "Bürgerbüro");
        assertThat(mvc.post()
                        .uri("/knowledge/synonyms/shared")
                        .param("tenant", "artland")
                        .with(csrf())
                        .param("term", "bürgeramt")
                        .param("expansions", "Rathaus"))
                .hasStatusOk()
                .bodyText()
                .contains("Für „bürgeramt“ gibt es schon ein Synonym.");
    }

    @Test
    @WithUserDetails("agent1")
    void givenAgent_thenForbidden() {
        assertThat(mvc.get().uri("/knowledge/synonyms")).hasStatus(403);
    }
}
