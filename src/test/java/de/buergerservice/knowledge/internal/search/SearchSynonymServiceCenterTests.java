package de.buergerservice.knowledge.internal.search;

import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.knowledge.Editors;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Synonyms kept once for the whole ServiceCenter apply in every municipality, which adds its own; a municipality's
 * own entry wins on the same term. The demo's general list is ServiceCenter-wide, Munich's words are no demo
 * municipality's.
 */
@IntegrationTest
class SearchSynonymServiceCenterTests {

    static final String SHARED = "/api/v1/knowledge/synonyms";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    SynonymService synonyms;

    @Autowired
    TenantDirectory tenants;

    @BeforeEach
    void editor() {
        Editors.ensure(mvc);
    }

    MvcTestResult post(String uri, String user, String body) {
        return mvc.post()
                .uri(uri)
                .with(Editors.as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    String firstHit(String slug, String query) {
        return read(
                mvc.get()
                        .uri("/api/v1/tenants/" + slug + "/knowledge/search")
                        .param("q", query)
                        .with(Editors.as("agent1"))
                        .exchange(),
                "$.hits[0].title");
    }

    @Test
    void givenServiceCenterWideSynonym_thenEveryMunicipalitySearchesWithItAndItsOwnEntryWins() {
        assertThat(post(
                        SHARED,
                        Editors.EDITOR,
                        "{\"term\": \"Plastikausweis\", \"expansions\": [\"Personalausweis\"]}"))
                .hasStatus(201);
        assertThat(firstHit("oldenburg", "Plastikausweis")).isEqualTo("Personalausweis beantragen");
        assertThat(firstHit("artland", "Plastikausweis")).isEqualTo("Personalausweis beantragen");

        assertThat(post(
                        "/api/v1/tenants/artland/knowledge/synonyms",
                        Editors.EDITOR,
                        "{\"term\": \"plastikausweis\", \"expansions\": [\"Reisepass\"]}"))
                .hasStatus(201);
        assertThat(firstHit("artland", "Plastikausweis")).isEqualTo("Reisepass beantragen");
        assertThat(firstHit("oldenburg", "Plastikausweis")).isEqualTo("Personalausweis beantragen");
    }

    @Test
    void givenDuplicateTermOrAgent_thenRefused() {
        assertThat(post(SHARED, Editors.EDITOR, "{\"term\": \"PERSO\", \"expansions\": [\"Ausweis\"]}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("term");
        assertThat(post(SHARED, "agent1", "{\"term\": \"Agentenwort\", \"expansions\": [\"Ausweis\"]}"))
                .hasStatus(403);
        assertThat(mvc.get().uri(SHARED).with(Editors.as("agent1")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].term")
                .asArray()
                .contains("perso")
                .doesNotContain("wiesn", "parkwapperl");
    }

    @Test
    void aNewMunicipalityStartsWithNoOwnSynonymsButSearchesWithTheServiceCenterWideOnes() {
        assertThat(mvc.post()
                        .uri("/api/v1/tenants")
                        .with(SecurityMockMvcRequestPostProcessors.httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"slug": "bramsche", "name": "Stadt Bramsche", "type": "CITY", "ags": "03459008",
                         "federalState": "NI", "phoneNumbers": ["+4954619830"],
                         "greeting": "Stadt Bramsche, Bürgerservice",
                         "openingHours": {"weekly": {}, "exceptions": []}}"""))
                .hasStatus(201);
        UUID bramsche = tenants.findBySlug("bramsche").orElseThrow().id();
        assertThat(mvc.get().uri("/api/v1/tenants/bramsche/knowledge/synonyms").with(Editors.as(Editors.EDITOR)))
                .bodyJson()
                .extractingPath("$")
                .asArray()
                .isEmpty();
        assertThat(synonyms.forSearch(bramsche)).extracting(SearchSynonym::term).contains("perso");
        for (String slug : new String[] {"artland", "oldenburg"}) {
            UUID id = tenants.findBySlug(slug).orElseThrow().id();
            assertThat(synonyms.forSearch(id)).extracting(SearchSynonym::term).doesNotContain("wiesn", "parkwapperl");
        }
    }
}
