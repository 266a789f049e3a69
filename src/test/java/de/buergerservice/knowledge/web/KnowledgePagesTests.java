package de.buergerservice.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.Editors;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.search.KnowledgeIndex;
import de.buergerservice.tenancy.TenantDirectory;

/** The German editor pages: list, detail, form messages, workflow buttons, history, dashboard and import. */
@IntegrationTest
@WithUserDetails("admin")
class KnowledgePagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KnowledgeCatalog catalog;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    KnowledgeIndex index;

    UUID serviceId(String title) {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        return catalog.list(artland, Audience.STAFF).stream()
                .filter(s -> s.title().equals(title))
                .map(ServiceView::id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void listAndDetailShowTheMergedView() {
        assertThat(mvc.get().uri("/knowledge/artland"))
                .hasStatusOk()
                .bodyText()
                .contains("Leistungen", "Personalausweis beantragen", "Katalog, lokal angepasst", "Bürgerbüro");
        assertThat(mvc.get().uri("/knowledge/artland/services/" + serviceId("Hund anmelden (Hundesteuer)")))
                .hasStatusOk()
                .bodyText()
                .contains("75,00 EUR im Jahr", "Steuermarken liegen im Bürgerbüro aus.", "Archivieren", "Ordnungsamt");
    }

    @Test
    void givenInvalidForm_thenGermanMessagesAtTheFields() {
        assertThat(mvc.post()
                        .uri("/knowledge/artland/services")
                        .with(csrf())
                        .param("title", "")
                        .param("leikaKey", "123")
                        .param("reviewDate", "2001-01-01")
                        .param("forms", "Antrag | ftp://x"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Bitte korrigieren Sie die markierten Angaben.",
                        "Der LeiKa-Schlüssel besteht aus 14 Ziffern und beginnt mit 99.",
                        "Bitte eine Adresse beginnend mit http:// oder https:// angeben.");
        assertThat(mvc.post()
                        .uri("/knowledge/artland/services")
                        .with(csrf())
                        .param("title", "Schöffenwahl")
                        .param("reviewDate", "2001-01-01"))
                .hasStatusOk()
                .bodyText()
                .contains("Die Wiedervorlage darf nicht in der Vergangenheit liegen.");
    }

    @Test
    void givenValidForm_thenSavedSanitisedAndInTheHistory() {
        var created = mvc.post()
                .uri("/knowledge/artland/services")
                .with(csrf())
                .param("title", "Schiedsamt anrufen")
                .param("body", "<p>Streit <b onmouseover=\"x()\">schlichten</b></p><script>alert(1)</script>")
                .param("synonyms", "Schiedsperson\nSchlichtung")
                .param("catalogue", "false")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location))
                .bodyText()
                .contains("Schiedsamt anrufen", "nur diese Kommune")
                .doesNotContain("onmouseover", "alert(1)");
        assertThat(mvc.get().uri(location + "/history"))
                .hasStatusOk()
                .bodyText()
                .contains("admin", "Entwurf");
    }

    @Test
    void givenOwnChange_thenFourEyesRefusalAsNotice() {
        var created = mvc.post()
                .uri("/knowledge/artland/services")
                .with(csrf())
                .param("title", "Lärmschutz melden")
                .exchange();
        String location = created.getResponse().getRedirectedUrl();
        mvc.post()
                .uri(location + "/state")
                .with(csrf())
                .param("state", "IN_REVIEW")
                .exchange();
        var refused = mvc.post()
                .uri(location + "/state")
                .with(csrf())
                .param("state", "PUBLISHED")
                .exchange();
        assertThat(refused).hasStatus3xxRedirection().flash().containsKey("notice");
        assertThat(refused.getMvcResult().getFlashMap().get("notice").toString())
                .contains("Vier-Augen-Prinzip");
    }

    @Test
    void givenPublishedService_thenTheFormAndThePageSayAChangeIsAWorkingCopy() {
        Editors.ensure(mvc);
        String api = "/api/v1/tenants/artland/knowledge/services";
        String id = Responses.read(
                mvc.post()
                        .uri(api)
                        .with(Editors.as(Editors.EDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Baumfällung beantragen\"}")
                        .exchange(),
                "$.id");
        mvc.post()
                .uri(api + "/" + id + "/state")
                .with(Editors.as(Editors.EDITOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\": \"IN_REVIEW\"}")
                .exchange();
        String location = "/knowledge/artland/services/" + id;
        assertThat(mvc.post().uri(location + "/state").with(csrf()).param("state", "PUBLISHED"))
                .hasStatus3xxRedirection();

        assertThat(mvc.get().uri(location + "/edit")).hasStatusOk().bodyText().contains("Arbeitskopie");
        assertThat(mvc.post().uri(location).with(csrf()).param("title", "Baumfällung anzeigen"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri(location))
                .bodyText()
                .contains(
                        "Baumfällung anzeigen",
                        "Bürgerinnen und Bürger und die Suche sehen weiter die veröffentlichte Fassung");
    }

    @Test
    void overrideFormSetsOnlyTheFieldsGivenAndShowsMistakesAtTheField() {
        String path = "/knowledge/artland/services/" + serviceId("Sperrmüll anmelden");
        assertThat(mvc.get().uri(path + "/override"))
                .hasStatusOk()
                .bodyText()
                .contains("Lokal anpassen", "je nach Abfallsatzung");
        assertThat(mvc.post()
                        .uri(path + "/override")
                        .with(csrf())
                        .param("fields[leikaKey]", "12")
                        .param("fields[fees]", "20 EUR"))
                .hasStatusOk()
                .bodyText()
                .contains("Der LeiKa-Schlüssel besteht aus 14 Ziffern und beginnt mit 99.");
        assertThat(mvc.post()
                        .uri(path + "/override")
                        .with(csrf())
                        .param("fields[fees]", "20 EUR je Abholung")
                        .param("fields[title]", ""))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri(path)).bodyText().contains("20 EUR je Abholung", "Sperrmüll anmelden");
        assertThat(mvc.get().uri("/knowledge/oldenburg/services/" + serviceId("Sperrmüll anmelden")))
                .bodyText()
                .doesNotContain("20 EUR je Abholung");
        assertThat(mvc.post().uri(path + "/override/delete").with(csrf())).hasStatus3xxRedirection();
        assertThat(mvc.get().uri(path))
                .bodyText()
                .doesNotContain("20 EUR je Abholung")
                .contains("Lokale Anpassung freigeben");

        // the service is published: the removal waits for a second person, here the tests' editor
        Editors.ensure(mvc);
        assertThat(mvc.post().uri(path + "/override/approve").with(csrf()))
                .hasStatus3xxRedirection()
                .flash()
                .containsKey("notice");
        assertThat(mvc.post()
                        .uri("/api/v1/tenants/artland/knowledge/services/" + serviceId("Sperrmüll anmelden")
                                + "/override/approval")
                        .with(Editors.as(Editors.EDITOR)))
                .hasStatusOk();
        assertThat(mvc.get().uri(path)).bodyText().doesNotContain("Lokale Anpassung freigeben");
    }

    @Test
    void dashboardListsOverdueAndDrafts() {
        assertThat(mvc.get().uri("/knowledge/artland/dashboard"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Wiedervorlage überfällig",
                        "Wohnsitz abmelden (Wegzug ins Ausland)",
                        "Geburtsurkunde beantragen");
    }

    @Test
    void importPageShowsTheReport() {
        var file = new MockMultipartFile(
                "file",
                "liste.csv",
                "text/csv",
                "title,text\nKirchenaustritt,Beim Standesamt erklären\n".getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.get().uri("/knowledge/artland/imports"))
                .hasStatusOk()
                .body()
                .asString()
                .doesNotContainPattern("value=\"catalogue\"[^>]*checked");
        assertThat(mvc.post()
                        .uri("/knowledge/artland/imports")
                        .multipart()
                        .file(file)
                        .param("format", "csv")
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Bitte wählen Sie, wohin importiert wird");
        assertThat(mvc.post()
                        .uri("/knowledge/artland/imports")
                        .multipart()
                        .file(file)
                        .param("format", "csv")
                        .param("target", "tenant")
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Import übernommen", "neu angelegt", "zur Prüfung", "Zur Prüfliste");
        var broken = new MockMultipartFile(
                "file",
                "x.json",
                "application/json",
                "{\"data\": [{\"id\": \"7\", \"name\": \"X\", \"leika\": \"1\"}]}".getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.post()
                        .uri("/knowledge/artland/imports")
                        .multipart()
                        .file(broken)
                        .param("format", "dldb")
                        .param("target", "catalogue")
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Import abgelehnt", "leika", "Der LeiKa-Schlüssel besteht aus 14 Ziffern");
    }

    /** The titles of the list page's rows, in order. */
    List<String> titles(String query) throws Exception {
        String html = mvc.get()
                .uri("/knowledge/artland")
                .param("q", query)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return TITLE_LINK.matcher(html).results().map(m -> m.group(1)).toList();
    }

    static final Pattern TITLE_LINK = Pattern.compile("/knowledge/artland/services/[0-9a-f-]{36}\">([^<]+)</a>");

    @Test
    void listSearchIsTheKnowledgeSearch_rankedTypoTolerantWithHighlightedSnippets() throws Exception {
        assertThat(titles("Perso verloren")).first().isEqualTo("Personalausweis beantragen");
        assertThat(titles("Ausweis verloren")).first().isEqualTo("Personalausweis beantragen");
        assertThat(titles("sperrmul")).first().isEqualTo("Sperrmüll anmelden");
        assertThat(titles("Müll abholen")).first().isEqualTo("Sperrmüll anmelden");
        // the birth certificate's synonym "Personenstandsurkunde" contains "perso": a substring filter put it first
        assertThat(titles("Perso")).first().isEqualTo("Personalausweis beantragen");
        assertThat(mvc.get().uri("/knowledge/artland").param("q", "Perso"))
                .body()
                .asString()
                .contains("<mark>");
    }

    @Test
    void listHasPagesAndATopicFilter() throws Exception {
        assertThat(mvc.get().uri("/knowledge/artland").param("size", "3"))
                .hasStatusOk()
                .bodyText()
                .contains("Seite 1 von", "Weiter");
        assertThat(mvc.get().uri("/knowledge/artland").param("size", "3").param("page", "2"))
                .bodyText()
                .contains("Seite 2 von", "Zurück");
        assertThat(mvc.get().uri("/knowledge/artland")).bodyText().contains("Umwelt und Abfall (");
        var topic = mvc.get()
                .uri("/knowledge/artland")
                .param("topic", "Umwelt und Abfall")
                .exchange();
        List<String> titles = TITLE_LINK
                .matcher(topic.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(titles).contains("Sperrmüll anmelden").doesNotContain("Personalausweis beantragen");
    }

    @Test
    void givenAChangeUnderReview_thenAgentsReadWhatIsInForceWithAHintAndTheEditorTheWorkingCopy() {
        Editors.ensure(mvc);
        String api = "/api/v1/tenants/artland/knowledge/services";
        String id = Responses.read(
                mvc.post()
                        .uri(api)
                        .with(Editors.as(Editors.EDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Osterfeuer anmelden\", \"fees\": \"15,00 EUR\"}")
                        .exchange(),
                "$.id");
        mvc.post()
                .uri(api + "/" + id + "/state")
                .with(Editors.as(Editors.EDITOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\": \"IN_REVIEW\"}")
                .exchange();
        String location = "/knowledge/artland/services/" + id;
        assertThat(mvc.post().uri(location + "/state").with(csrf()).param("state", "PUBLISHED"))
                .hasStatus3xxRedirection();
        assertThat(mvc.post()
                        .uri(location)
                        .with(csrf())
                        .param("title", "Osterfeuer anmelden")
                        .param("fees", "99,00 EUR (ungeprüft)"))
                .hasStatus3xxRedirection();

        assertThat(mvc.get().uri(location)).bodyText().contains("99,00 EUR (ungeprüft)", "Arbeitskopie");
        var agent = user(userDetails.loadUserByUsername("agent1"));
        assertThat(mvc.get().uri(location).with(agent))
                .hasStatusOk()
                .bodyText()
                .contains("15,00 EUR", "Eine Änderung dieser Leistung wird gerade geprüft")
                .doesNotContain("99,00 EUR (ungeprüft)", "Arbeitskopie");
        index.awaitIdle();
        assertThat(mvc.get().uri("/knowledge/artland").param("q", "Osterfeuer").with(agent))
                .bodyText()
                .contains("Osterfeuer anmelden", "Eine Änderung wird gerade geprüft.")
                .doesNotContain("Entwurf");
    }

    @Test
    @WithUserDetails("agent1")
    void agentIsNotOfferedEditorPages() {
        String path = "/knowledge/artland/services/" + serviceId("Gewerbe anmelden");
        assertThat(mvc.get().uri("/knowledge/artland"))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Neu anlegen", "Import", "Prüfliste", "Redaktion");
        assertThat(mvc.get().uri(path))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Bearbeiten", "Lokal anpassen", "Veröffentlichen", "Archivieren");
        for (String page : List.of(
                "/knowledge/artland/services/new",
                path + "/edit",
                path + "/override",
                "/knowledge/artland/imports",
                "/knowledge/artland/dashboard",
                "/knowledge/artland/review")) {
            assertThat(mvc.get().uri(page)).as(page).hasStatus(403);
        }
    }

    @Test
    @WithUserDetails("agent1")
    void agentReadsButCannotEdit() {
        String path = "/knowledge/artland/services/" + serviceId("Gewerbe anmelden");
        assertThat(mvc.get().uri(path)).hasStatusOk().bodyText().doesNotContain("Archivieren");
        assertThat(mvc.post().uri("/knowledge/artland/services").with(csrf()).param("title", "Agentenartikel"))
                .hasStatus(403);
    }
}
