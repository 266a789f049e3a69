package de.buergerservice.knowledge;

import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.IntegrationTest;
import de.buergerservice.knowledge.internal.UnansweredSearches;
import de.buergerservice.knowledge.internal.search.IndexedService;
import de.buergerservice.knowledge.internal.search.KnowledgeIndex;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The knowledge search API as the agent desktop uses it: finding, typo tolerance, synonyms, who sees what, a
 * publish becoming searchable, clicks and the list of unanswered searches, and every input it rejects.
 */
@IntegrationTest
@Import(ServiceTexts.class)
class KnowledgeSearchApiTests {

    static final String SEARCH = "/api/v1/tenants/oldenburg/knowledge/search";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ServiceTexts texts;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    UnansweredSearches unanswered;

    UUID oldenburg;

    @BeforeEach
    void content() {
        oldenburg = tenants.findBySlug("oldenburg").orElseThrow().id();
        if (texts.services.isEmpty()) {
            save(service("99013011001000", "Personalausweis", List.of("Perso", "Ausweis beantragen"),
                    "Den Personalausweis beantragen oder verlängern lassen.", true, null));
            save(service("99013013001000", "Reisepass", List.of("Pass"),
                    "Einen Reisepass für Reisen ins Ausland beantragen.", true, null));
            save(service("99115001001000", "Wohnsitzanmeldung", List.of("Anmeldung Wohnung"),
                    "Nach dem Umzug den neuen Wohnsitz innerhalb von zwei Wochen anmelden.", true,
                    "Intern: Termine im Bürgerbüro Mitte, Durchwahl 2222"));
            save(service("99058001001000", "Hundesteuer", List.of(),
                    "Hunde in Oldenburg anmelden und die Hundesteuer zahlen.", false, null));
            index.rebuild();
        }
    }

    IndexedService service(String leika, String title, List<String> synonyms, String body, boolean published,
            String notes) {
        return new IndexedService(UUID.nameUUIDFromBytes(title.getBytes()), oldenburg, "ext-" + leika, leika,
                title, synonyms, null, body, List.of(published ? "Bürgerdienste" : "Steuern"), published, notes);
    }

    void save(IndexedService service) {
        texts.services.put(service.serviceId(), service);
    }

    MvcTestResult search(String query, String user) {
        return mvc.get().uri(SEARCH).param("q", query).with(httpBasic(user, "demo")).exchange();
    }

    @Test
    void givenTitleWord_thenServiceFirstWithSnippetAndFacets() {
        MvcTestResult result = search("Reisepass beantragen", "agent1");
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.hits[0].title").isEqualTo("Reisepass");
        assertThat(result).bodyJson().extractingPath("$.hits[0].leikaKey").isEqualTo("99013013001000");
        assertThat(result).bodyJson().extractingPath("$.hits[0].snippet").asString().contains("<mark>");
        assertThat(result).bodyJson().extractingPath("$.topics[0].topic").isEqualTo("Bürgerdienste");
    }

    @Test
    void givenCompoundPartsAndTypos_thenFound() {
        assertThat(search("Ausweisverlängerung", "agent1")).bodyJson().extractingPath("$.hits[0].title")
                .isEqualTo("Personalausweis");
        assertThat(search("Wonsitzanmeldung", "agent1")).bodyJson().extractingPath("$.hits[0].title")
                .isEqualTo("Wohnsitzanmeldung");
    }

    @Test
    void givenSeededSynonym_thenFoundUnderTheCallersWord() {
        // "Ummeldung" appears in no description; Oldenburg's synonyms say it means Wohnsitzanmeldung
        assertThat(search("Ummeldung", "agent1")).bodyJson().extractingPath("$.hits[0].title")
                .isEqualTo("Wohnsitzanmeldung");
    }

    @Test
    void givenPublicAudience_thenNoDraftsAndNoInternalNotes() {
        assertThat(search("Hundesteuer", "agent1")).bodyJson().extractingPath("$.hits[0].published")
                .isEqualTo(false);
        assertThat(mvc.get().uri(SEARCH).param("q", "Hundesteuer").param("audience", "PUBLIC")
                .with(httpBasic("agent1", "demo"))).bodyJson().extractingPath("$.hits").asArray().isEmpty();
        assertThat(search("Durchwahl", "agent1")).bodyJson().extractingPath("$.hits[0].title")
                .isEqualTo("Wohnsitzanmeldung");
        assertThat(mvc.get().uri(SEARCH).param("q", "Durchwahl").param("audience", "PUBLIC")
                .with(httpBasic("agent1", "demo"))).bodyJson().extractingPath("$.hits").asArray().isEmpty();
    }

    @Test
    void givenPublishedChange_thenSearchableWithinOneSecond() throws InterruptedException {
        IndexedService service = service("99001001001000", "Sperrmüllabholung", List.of("Sperrmüll"),
                "Alte Möbel abholen lassen.", true, null);
        save(service);
        long start = System.nanoTime();
        transaction.executeWithoutResult(tx -> events.publishEvent(
                new KnowledgeChanged(service.serviceId(), oldenburg)));
        long elapsedMs = 0;
        while (elapsedMs < 1000 && read(search("Sperrmüll", "agent1"), "$.hits.length()").equals(0)) {
            Thread.sleep(10);
            elapsedMs = (System.nanoTime() - start) / 1_000_000;
        }
        assertThat(elapsedMs).as("publish visible after ms").isLessThan(1000);
    }

    @Test
    void givenSearchesWithoutClick_thenListedAsUnanswered() {
        search("Xylophonunterricht", "agent1");
        search("xylophonunterricht ", "agent2");
        search("Reisepass", "agent1");
        assertThat(mvc.post().uri(SEARCH + "/clicks").with(httpBasic("agent1", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"query": "Reisepass", "serviceId": "%s"}""".formatted(
                        UUID.nameUUIDFromBytes("Reisepass".getBytes())))).hasStatus(204);
        assertThat(unanswered.top(oldenburg, 10)).extracting(u -> u.query())
                .contains("xylophonunterricht").doesNotContain("reisepass");
        assertThat(unanswered.top(oldenburg, 10)).filteredOn(u -> u.query().equals("xylophonunterricht"))
                .singleElement().extracting(u -> u.searches()).isEqualTo(2L);
    }

    @Nested
    class Rejected {

        @Test
        void givenNoOrBlankQuery_thenProblemNamesQ() {
            assertThat(mvc.get().uri(SEARCH).with(httpBasic("agent1", "demo"))).hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
            assertThat(search("   ", "agent1")).hasStatus(400).bodyJson().extractingPath("$.errors[0].field")
                    .isEqualTo("q");
        }

        @Test
        void givenTooLongQuery_thenProblemNamesQ() {
            assertThat(search("a".repeat(201), "agent1")).hasStatus(400).bodyJson()
                    .extractingPath("$.errors[0].message").isEqualTo(
                            "Der Suchbegriff darf höchstens 200 Zeichen lang sein.");
        }

        @Test
        void givenLimitOutOfRangeOrNoNumber_thenProblemNamesLimit() {
            for (String limit : List.of("0", "101", "viele")) {
                assertThat(mvc.get().uri(SEARCH).param("q", "Pass").param("limit", limit)
                        .with(httpBasic("agent1", "demo"))).hasStatus(400).bodyJson()
                        .extractingPath("$.errors[0].field").isEqualTo("limit");
            }
        }

        @Test
        void givenUnknownAudience_thenProblemNamesAudience() {
            assertThat(mvc.get().uri(SEARCH).param("q", "Pass").param("audience", "EVERYONE")
                    .with(httpBasic("agent1", "demo"))).hasStatus(400).bodyJson()
                    .extractingPath("$.errors[0].field").isEqualTo("audience");
        }

        @Test
        void givenClickWithoutServiceOrQuery_thenProblemNamesTheField() {
            assertThat(mvc.post().uri(SEARCH + "/clicks").with(httpBasic("agent1", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"Pass\"}")).hasStatus(400)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("serviceId");
            assertThat(mvc.post().uri(SEARCH + "/clicks").with(httpBasic("agent1", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"serviceId\": \"%s\"}".formatted(
                            UUID.randomUUID()))).hasStatus(400)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("query");
        }

        @Test
        void givenUnknownTenant_thenNotFound() {
            assertThat(mvc.get().uri("/api/v1/tenants/atlantis/knowledge/search").param("q", "Pass")
                    .with(httpBasic("agent1", "demo"))).hasStatus(404);
        }

        @Test
        void givenAnonymous_thenUnauthorized() {
            assertThat(mvc.get().uri(SEARCH).param("q", "Pass")).hasStatus(401);
        }
    }

    @Nested
    class Rebuild {

        @Test
        void givenAdmin_thenRebuiltWithAllDocuments() {
            MvcTestResult result = mvc.post().uri("/api/v1/knowledge/index/rebuild").with(httpBasic("admin", "demo"))
                    .exchange();
            assertThat(result).hasStatusOk();
            assertThat((Integer) read(result, "$.documents")).isGreaterThanOrEqualTo(4);
            assertThat(search("Reisepass", "agent1")).bodyJson().extractingPath("$.hits[0].title")
                    .isEqualTo("Reisepass");
        }

        @Test
        void givenAgent_thenForbidden() {
            assertThat(mvc.post().uri("/api/v1/knowledge/index/rebuild").with(httpBasic("agent1", "demo")))
                    .hasStatus(403);
        }
    }
}
