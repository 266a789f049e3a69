package de.buergerservice.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The JSON feed for a municipality's own CMS: no login, what is in force only, ETag/If-None-Match and
 * Last-Modified/If-Modified-Since, CORS for GET from any origin, German problem+json for what does not exist.
 */
@IntegrationTest
class PortalFeedTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    KnowledgeCatalog catalog;

    ServiceView service(String title) {
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        return catalog.list(artland, Audience.STAFF).stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void listHoldsThePublishedServicesWithTheirPortalAddress() {
        MvcTestResult result = mvc.get().uri("/api/public/v1/artland/services").exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("application/json");
        List<String> titles = Responses.read(result, "$.services[*].title");
        assertThat(titles).contains("Personalausweis beantragen", "Sperrmüll anmelden");
        assertThat(titles).noneMatch(t -> t.contains("Geburtsurkunde"));
        // Oldenburg's own service is not Artland's (by id: the shared catalogue may hold one of the same name)
        UUID parking = catalog
                .list(tenants.findBySlug("oldenburg").orElseThrow().id(), Audience.STAFF)
                .stream()
                .filter(s -> s.title().equals("Bewohnerparkausweis beantragen"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(Responses.<List<String>>read(result, "$.services[*].id")).doesNotContain(parking.toString());
        assertThat((String) Responses.read(result, "$.municipality.name")).isEqualTo("Samtgemeinde Artland");
        assertThat((String) Responses.read(result, "$.services[0].url"))
                .startsWith("http://localhost:8080/artland/leistungen/");
    }

    @Test
    void serviceHasItsFieldsAndDepartmentButNoInternalNotes() {
        ServiceView dog = service("Hund anmelden (Hundesteuer)");
        MvcTestResult result =
                mvc.get().uri("/api/public/v1/artland/services/" + dog.id()).exchange();
        assertThat(result).hasStatusOk();
        assertThat((String) Responses.read(result, "$.fees")).contains("75,00 EUR");
        assertThat((String) Responses.read(result, "$.department.name")).isEqualTo("Ordnungsamt");
        assertThat(Responses.body(result)).doesNotContain(dog.internalNotes()).doesNotContain("internalNotes");
    }

    @Test
    void searchWithQ() {
        MvcTestResult result =
                mvc.get().uri("/api/public/v1/artland/services?q=Perso").exchange();
        assertThat(result).hasStatusOk();
        List<String> titles = Responses.read(result, "$.hits[*].title");
        assertThat(titles).contains("Personalausweis beantragen");
    }

    @Test
    void etagAndLastModifiedAnswer304() {
        MvcTestResult first = mvc.get().uri("/api/public/v1/artland/services").exchange();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();
        assertThat(mvc.get().uri("/api/public/v1/artland/services").header(HttpHeaders.IF_NONE_MATCH, etag))
                .hasStatus(304);
        assertThat(mvc.get().uri("/api/public/v1/artland/services").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                .hasStatus(304);
        assertThat(mvc.get().uri("/api/public/v1/artland/services").header(HttpHeaders.IF_NONE_MATCH, "\"other\""))
                .hasStatusOk();
    }

    @Test
    void corsForGetFromAnyOriginWithoutCredentials() {
        MvcTestResult result = mvc.get()
                .uri("/api/public/v1/artland/services")
                .header(HttpHeaders.ORIGIN, "https://www.artland.de")
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
                .isEqualTo("*");
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS))
                .contains("ETag");
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS))
                .isNull();
        MvcTestResult preflight = mvc.options()
                .uri("/api/public/v1/artland/services")
                .header(HttpHeaders.ORIGIN, "https://www.artland.de")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "if-none-match")
                .exchange();
        assertThat(preflight).hasStatusOk();
        assertThat(preflight.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS))
                .isEqualTo("GET");
    }

    @Test
    void unknownMunicipalityIsGermanProblemJson() {
        assertThat(mvc.get().uri("/api/public/v1/nirgendwo/services"))
                .hasStatus(404)
                .hasContentTypeCompatibleWith("application/problem+json")
                .bodyText()
                .contains("Diese Kommune gibt es nicht.");
    }

    @Test
    void unknownOrMalformedServiceIsGermanProblemJson() {
        assertThat(mvc.get().uri("/api/public/v1/artland/services/" + UUID.randomUUID()))
                .hasStatus(404)
                .bodyText()
                .contains("Diese Leistung gibt es bei dieser Kommune nicht.");
        assertThat(mvc.get().uri("/api/public/v1/artland/services/kein-schluessel"))
                .hasStatus(404)
                .bodyText()
                .contains("Diese Leistung gibt es bei dieser Kommune nicht.");
    }

    @Test
    void tooLongOrEmptySearchIs400WithAGermanMessage() {
        assertThat(mvc.get().uri("/api/public/v1/artland/services").param("q", "x".repeat(10_000)))
                .hasStatus(400)
                .bodyText()
                .contains("Bitte geben Sie einen Suchbegriff mit höchstens 200 Zeichen an.")
                .doesNotContain("xxxxxxxxxx");
        assertThat(mvc.get().uri("/api/public/v1/artland/services").param("q", "  "))
                .hasStatus(400);
    }

    @Test
    void writesAreNotAllowed() {
        assertThat(mvc.post()
                        .uri("/api/public/v1/artland/services")
                        .contentType("application/json")
                        .content("{}"))
                .hasStatus(405);
    }
}
