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
                        .param("term", "Perso")
                        .param("expansions", "Ausweis"))
                .hasStatusOk()
                .bodyText()
                .contains("Für „Perso“ gibt es schon ein Synonym.");
    }

    @Test
    @WithUserDetails("agent1")
    void givenAgent_thenForbidden() {
        assertThat(mvc.get().uri("/knowledge/synonyms")).hasStatus(403);
    }
}
