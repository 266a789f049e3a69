package de.buergerservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The citizens' pages without login: what they show (only what is in force, never drafts or internal notes), the
 * German 404s, the answers to hostile search input, and that opening the portal opened nothing else.
 */
@IntegrationTest
class PortalPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    KnowledgeCatalog catalog;

    UUID tenant(String slug) {
        return tenants.findBySlug(slug).orElseThrow().id();
    }

    ServiceView service(String slug, String title) {
        return catalog.list(tenant(slug), Audience.STAFF).stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    String page(String uri) {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk();
        return Responses.body(result);
    }

    @Nested
    class Pages {

        @Test
        void homeHasSearchMostAskedAndTheContactBlock() {
            String home = page("/artland/");
            assertThat(home)
                    .contains("<html lang=\"de\">", "Zum Inhalt springen", "role=\"search\"", "Häufig gefragt")
                    .contains("Personalausweis beantragen", "+49 5431 1820", "tel:+4954311820")
                    .contains("Telefonische Erreichbarkeit", "Montag", "Markt 1, 49610 Quakenbrück")
                    .contains("Leichte Sprache", "Gebärdensprache", "Erklärung zur Barrierefreiheit")
                    .containsPattern("Jetzt (geöffnet|geschlossen)");
        }

        @Test
        void withoutTrailingSlashRedirectsToTheHomePage() {
            assertThat(mvc.get().uri("/artland")).hasStatus3xxRedirection().hasRedirectedUrl("/artland/");
        }

        @Test
        void servicesAtoZShowWhatIsPublishedAndNoDraft() {
            // Oldenburg's own service is not Artland's (by id: the shared catalogue may hold one of the same name,
            // as the Munich import other tests of this context run does)
            UUID parking =
                    service("oldenburg", "Bewohnerparkausweis beantragen").id();
            assertThat(page("/artland/leistungen"))
                    .contains("Leistungen von A bis Z", "Personalausweis beantragen", "Sperrmüll anmelden")
                    .doesNotContain("Geburtsurkunde")
                    .doesNotContain(parking.toString());
            assertThat(page("/oldenburg/leistungen")).contains("Bewohnerparkausweis beantragen", parking.toString());
        }

        @Test
        void servicePageShowsTheFieldsTheDepartmentAndJsonLdButNoInternalNotes() {
            ServiceView dog = service("artland", "Hund anmelden (Hundesteuer)");
            assertThat(dog.internalNotes()).isNotBlank();
            String html = page("/artland/leistungen/" + dog.id());
            assertThat(html)
                    .contains("<h1>Hund anmelden (Hundesteuer)</h1>", "75,00 EUR im Jahr", "Gebühren", "Ordnungsamt")
                    .contains("Hundesteuersatzung der Samtgemeinde Artland", "Zuständige Stelle")
                    .contains("<link rel=\"canonical\" href=\"http://localhost:8080/artland/leistungen/" + dog.id())
                    .contains("<meta name=\"description\"", "\"@type\":\"GovernmentService\"")
                    .contains("/artland/kontakt?leistung=" + dog.id(), "Druckansicht")
                    .doesNotContain(dog.internalNotes());
        }

        @Test
        void printViewHasTheContentWithoutNavigation() {
            ServiceView perso = service("artland", "Personalausweis beantragen");
            assertThat(page("/artland/leistungen/" + perso.id() + "/druck"))
                    .contains("Personalausweis beantragen", "Quelle", "noindex")
                    .doesNotContain("Hauptnavigation")
                    .doesNotContain(perso.internalNotes());
        }

        @Test
        void searchFindsPublishedServicesWithTheAgentsGermanSearch() {
            assertThat(page("/artland/suche?q=Perso")).contains("Personalausweis beantragen", "Treffer für „Perso“");
            assertThat(page("/artland/suche?q=sperrmul")).contains("Sperrmüll anmelden");
            // a draft is found by staff, never by citizens
            assertThat(page("/artland/suche?q=Geburtsurkunde")).doesNotContain("Geburtsurkunde beantragen");
            // internal notes are not searched for citizens
            assertThat(page("/artland/suche?q=Steuermarken")).doesNotContain("Steuermarken liegen");
        }

        @Test
        void emptySearchShowsTheForm() {
            assertThat(page("/artland/suche"))
                    .contains("Was möchten Sie erledigen?")
                    .doesNotContain("Treffer");
        }

        @Test
        void departmentsAndADepartmentWithItsServices() {
            assertThat(page("/artland/fachbereiche")).contains("Bürgerbüro", "Ordnungsamt", "Bauamt");
            UUID office = tenants.departmentsOf(tenant("artland")).stream()
                    .filter(d -> d.name().equals("Ordnungsamt"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            assertThat(page("/artland/fachbereiche/" + office))
                    .contains("<h1>Ordnungsamt</h1>", "ordnungsamt@artland.example", "Hund anmelden (Hundesteuer)");
        }

        @Test
        void accessibilityStatementWithFeedbackLinkAndTheBitvPages() {
            assertThat(page("/artland/barrierefreiheit"))
                    .contains("Erklärung zur Barrierefreiheit", "mailto:barrierefreiheit@artland.example")
                    .contains("/artland/kontakt", "Schlichtungsverfahren");
            assertThat(page("/artland/leichte-sprache")).contains("Wir helfen Ihnen gern.");
            assertThat(page("/artland/gebaerdensprache")).contains("Deutscher Gebärdensprache");
        }

        @Test
        void footerLinksImpressumAndDatenschutz() {
            assertThat(page("/artland/leistungen"))
                    .contains("href=\"https://www.artland.de/impressum\"", ">Impressum<")
                    .contains("href=\"https://www.artland.de/datenschutz\"", ">Datenschutz<");
        }

        @Test
        void sitemapListsHomeServicesAndDepartments() {
            ServiceView perso = service("artland", "Personalausweis beantragen");
            MvcTestResult result = mvc.get().uri("/artland/sitemap.xml").exchange();
            assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("application/xml");
            assertThat(Responses.body(result))
                    .contains("<loc>http://localhost:8080/artland/</loc>")
                    .contains("<loc>http://localhost:8080/artland/leistungen/" + perso.id() + "</loc>")
                    .doesNotContain("Geburtsurkunde");
        }

        @Test
        void brandStylesheetCarriesTheColour() {
            assertThat(mvc.get().uri("/artland/marke.css"))
                    .hasStatusOk()
                    .hasContentTypeCompatibleWith("text/css")
                    .bodyText()
                    .contains("--primary: #2b6a30");
        }
    }

    @Nested
    class HttpCaching {

        @Test
        void pagesCarryValidatorsAndAnswer304WhenUnchanged() {
            MvcTestResult first = mvc.get().uri("/artland/leistungen").exchange();
            String etag = first.getResponse().getHeader("ETag");
            assertThat(etag).startsWith("\"");
            assertThat(first.getResponse().getHeader("Cache-Control")).contains("no-cache");
            assertThat(first.getResponse().getHeader("Last-Modified")).isNotBlank();
            assertThat(mvc.get().uri("/artland/leistungen").header("If-None-Match", etag))
                    .hasStatus(304);
        }
    }

    @Nested
    class NotFound {

        void germanNotFound(String uri, String text) {
            MvcTestResult result = mvc.get().uri(uri).exchange();
            assertThat(result).hasStatus(404);
            assertThat(Responses.body(result))
                    .contains("<html lang=\"de\">", "Seite nicht gefunden", text)
                    .doesNotContain("Exception", "at de.buergerservice");
        }

        @Test
        void unknownMunicipality() {
            germanNotFound("/nirgendwo/", "Diese Kommune gibt es in unserem Bürgerservice nicht.");
            germanNotFound("/nirgendwo/leistungen", "Diese Kommune gibt es");
        }

        @Test
        void unknownService() {
            germanNotFound("/artland/leistungen/" + UUID.randomUUID(), "Diese Leistung gibt es hier nicht (mehr).");
        }

        @Test
        void malformedServiceId() {
            germanNotFound("/artland/leistungen/kein-schluessel", "Diese Leistung gibt es hier nicht");
        }

        @Test
        void draftIsNotFound() {
            germanNotFound("/artland/leistungen/" + draftId(), "Diese Leistung gibt es hier nicht (mehr).");
        }

        @Test
        void anotherMunicipalitysServiceIsNotFound() {
            ServiceView parking = service("oldenburg", "Bewohnerparkausweis beantragen");
            germanNotFound("/artland/leistungen/" + parking.id(), "Diese Leistung gibt es hier nicht");
        }

        @Test
        void unknownDepartment() {
            germanNotFound("/artland/fachbereiche/" + UUID.randomUUID(), "Diesen Fachbereich gibt es hier nicht.");
        }

        @Test
        void anotherMunicipalitysDepartmentIsNotFound() {
            UUID oldenburgs = tenants.departmentsOf(tenant("oldenburg")).get(0).id();
            germanNotFound("/artland/fachbereiche/" + oldenburgs, "Diesen Fachbereich gibt es hier nicht.");
        }
    }

    @Autowired
    de.buergerservice.knowledge.KnowledgeSearch search;

    /** The demo's draft, as staff find it (marked unpublished). */
    UUID draftId() {
        return search.search(tenant("artland"), "Geburtsurkunde", 5, Audience.STAFF).hits().stream()
                .filter(hit -> !hit.published())
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Nested
    class BadInput {

        @Test
        void tenKilobytesOfSearchTextGetAGermanMessageAndAreNotShownAgain() {
            String huge = "Ausweis ".repeat(1300);
            MvcTestResult result =
                    mvc.get().uri("/artland/suche").param("q", huge).exchange();
            assertThat(result).hasStatus(400);
            assertThat(Responses.body(result))
                    .contains("Bitte kürzen Sie Ihre Suche auf höchstens 200 Zeichen.")
                    .doesNotContain("Ausweis Ausweis Ausweis");
        }

        @Test
        void xssPayloadIsEscapedEverywhere() {
            String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
            MvcTestResult result =
                    mvc.get().uri("/artland/suche").param("q", payload).exchange();
            assertThat(result).hasStatusOk();
            assertThat(Responses.body(result))
                    .doesNotContain("<script>alert(1)", "<img src=x", "\"><img")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }

        @Test
        void sqlAndLuceneSyntaxAreJustWords() {
            for (String q : new String[] {
                "' OR 1=1; DROP TABLE knowledge_service; --",
                "title:(Ausweis OR Pass) AND body:* ~2 ^10 [a TO z] {x} \\ / \"",
                "*",
                "?",
                "AND",
                "((((",
                "Ausweis~~~~"
            }) {
                MvcTestResult result =
                        mvc.get().uri("/artland/suche").param("q", q).exchange();
                assertThat(result).as(q).hasStatusOk();
                assertThat(Responses.body(result))
                        .as(q)
                        .containsPattern("Treffer")
                        .doesNotContain("Exception");
            }
            assertThat(page("/artland/leistungen")).contains("Personalausweis beantragen");
        }

        @Test
        void controlCharactersAreDropped() {
            assertThat(mvc.get().uri("/artland/suche").param("q", "Perso\u0000\u0007"))
                    .hasStatusOk()
                    .bodyText()
                    .contains("Personalausweis beantragen")
                    .doesNotContain("\u0000");
        }
    }

    @Nested
    class StaysClosed {

        @Test
        void staffPagesStillNeedTheLogin() {
            for (String uri : new String[] {
                "/knowledge/artland", "/admin/portal", "/admin/portal/artland", "/telephony", "/", "/knowledge/"
            }) {
                assertThat(mvc.get().uri(uri))
                        .as(uri)
                        .hasStatus3xxRedirection()
                        .redirectedUrl()
                        .endsWith("/login");
            }
        }

        @Test
        void theStaffApiStillNeedsCredentials() {
            assertThat(mvc.get().uri("/api/v1/tenants/artland/knowledge/services"))
                    .hasStatus(401);
        }

        @Test
        void pathsBelowAMunicipalityThatAreNoPortalPagesNeedTheLogin() {
            assertThat(mvc.get().uri("/artland/services")).hasStatus3xxRedirection();
            assertThat(mvc.get().uri("/artland/admin")).hasStatus3xxRedirection();
        }

        @Test
        void portalPagesOpenNoSession() {
            MvcTestResult result = mvc.get().uri("/artland/leistungen").exchange();
            assertThat(result.getRequest().getSession(false)).isNull();
        }
    }
}
