package de.buergerservice.contact;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The concern categories per ServiceCenter: supervisors and administrators edit the list an agent picks from, each
 * rejected entry is named with a German message, an empty list returns to the default list, and documenting a
 * contact accepts exactly the categories of the municipality's ServiceCenter. Works on a ServiceCenter of its own,
 * so the demo ServiceCenter's default list other tests use stays as it is.
 */
@IntegrationTest
class ConcernCategoryAdministrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TenantDirectory tenants;

    MvcTestResult send(String method, String uri, String user, String json) {
        var request = method.equals("PUT") ? mvc.put() : mvc.post();
        return request.uri(uri)
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    MvcTestResult get(String uri, String user) {
        return mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
    }

    /** A ServiceCenter serving a municipality of its own; returns the ServiceCenter's id. */
    synchronized String kategorienfeld() {
        if (tenants.findBySlug("kategorienfeld").isEmpty()) {
            assertThat(send("POST", "/api/v1/tenants", "admin", """
                            {"slug": "kategorienfeld", "name": "Gemeinde Kategorienfeld", "type": "MUNICIPALITY",
                             "ags": "03459082", "federalState": "NI", "phoneNumbers": ["+4954389082"],
                             "greeting": "Gemeinde Kategorienfeld, guten Tag",
                             "openingHours": {"weekly": {"MONDAY": [{"opens": "08:00", "closes": "12:00"}]},
                                              "exceptions": []}}
                            """)).hasStatus(201);
            String serviceCenter = JsonPath.read(
                    body(send("POST", "/api/v1/service-centers", "admin", "{\"name\": \"ServiceCenter Kategorien\"}")),
                    "$.id");
            assertThat(send("POST", "/api/v1/agreements", "admin", """
                            {"serviceCenterId": "%s", "clientTenant": "kategorienfeld", "channels": ["PHONE"],
                             "startDate": "2026-01-01", "serviceLevelTarget": {"percent": 80, "withinSeconds": 20},
                             "targetAverageWaitSeconds": 20, "targetFirstContactResolutionPercent": 65,
                             "pricePerContact": 1.50, "status": "ACTIVE"}
                            """.formatted(serviceCenter)))
                    .hasStatus(201);
        }
        UUID tenant = tenants.findBySlug("kategorienfeld").orElseThrow().id();
        return tenants.agreementsFor(tenant).get(0).serviceCenterId().toString();
    }

    @Test
    void givenNoListOfItsOwn_thenTheDefaultList_andASupervisorReplacesIt_andAnEmptyListRestoresTheDefault() {
        String serviceCenter = kategorienfeld();
        String uri = "/api/v1/contact-categories/" + serviceCenter;
        assertThat(send("PUT", uri, "admin", "{\"categories\": []}")).hasStatusOk();
        assertThat(get(uri, "supervisor"))
                .bodyJson()
                .hasPathSatisfying("$.own", v -> assertThat(v).isEqualTo(false))
                .hasPathSatisfying("$.categories", v -> assertThat(v).asList().contains("Allgemeine Auskunft"));

        MvcTestResult saved = send("PUT", uri, "supervisor", "{\"categories\": [\" Sperrmüll \", \"Straßenschäden\"]}");
        assertThat(saved).hasStatusOk();
        assertThat(saved)
                .bodyJson()
                .hasPathSatisfying("$.own", v -> assertThat(v).isEqualTo(true))
                .hasPathSatisfying(
                        "$.categories", v -> assertThat(v).isEqualTo(List.of("Sperrmüll", "Straßenschäden")));
        assertThat(get("/api/v1/contact-categories", "admin")).bodyText().contains("Sperrmüll");

        // the agent's choice for the municipality is the new list: documenting with it passes, an old one fails
        String contact = JsonPath.read(
                body(send(
                        "POST",
                        "/api/v1/contacts",
                        "agent1",
                        "{\"tenant\": \"kategorienfeld\", \"channel\": \"EMAIL\"}")),
                "$.id");
        assertThat(send(
                        "PUT",
                        "/api/v1/contacts/" + contact + "/documentation",
                        "agent1",
                        "{\"outcome\": \"RESOLVED\", \"concern\": {\"category\": \"Beschwerde\"}}"))
                .hasStatus(400);
        assertThat(send(
                        "PUT",
                        "/api/v1/contacts/" + contact + "/documentation",
                        "agent1",
                        "{\"outcome\": \"RESOLVED\", \"concern\": {\"category\": \"Sperrmüll\"}}"))
                .hasStatusOk();

        assertThat(send("PUT", uri, "admin", "{\"categories\": []}"))
                .bodyJson()
                .hasPathSatisfying("$.own", v -> assertThat(v).isEqualTo(false));
    }

    @Test
    void givenBlankDuplicateOrTooLongEntries_thenEachIsNamedWithAGermanMessage() {
        String uri = "/api/v1/contact-categories/" + kategorienfeld();
        MvcTestResult result = send(
                "PUT",
                uri,
                "supervisor",
                "{\"categories\": [\"Sperrmüll\", \" \", \"sperrmüll\", \"" + "x".repeat(101) + "\"]}");
        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .isEqualTo(List.of("categories[1]", "categories[2]", "categories[3]"));
        assertThat(body(result))
                .contains(
                        "Eine Kategorie darf nicht leer sein.",
                        "steht doppelt in der Liste.",
                        "Eine Kategorie hat höchstens 100 Zeichen.");
    }

    @Test
    void givenMoreThan50Categories_thenRejected() {
        String many = String.join(
                ", ",
                java.util.stream.IntStream.rangeClosed(1, 51)
                        .mapToObj(i -> "\"Kategorie " + i + "\"")
                        .toList());
        MvcTestResult result = send(
                "PUT", "/api/v1/contact-categories/" + kategorienfeld(), "admin", "{\"categories\": [" + many + "]}");
        assertThat(result).hasStatus(400);
        assertThat(body(result)).contains("Höchstens 50 Kategorien.");
    }

    @Test
    void givenAgentsAndTheMunicipalitysUsers_thenTheyMayNotEditTheList_andAnUnknownServiceCenterIsNotFound() {
        String uri = "/api/v1/contact-categories/" + kategorienfeld();
        for (String user : List.of("agent1", "artland-backoffice", "artland-management")) {
            assertThat(send("PUT", uri, user, "{\"categories\": [\"X\"]}"))
                    .as(user)
                    .hasStatus(403);
        }
        assertThat(get("/api/v1/contact-categories/" + UUID.randomUUID(), "admin"))
                .hasStatus(404);
    }

    @Test
    void givenThePage_thenASupervisorSavesOnePerLine_andSeesTheMessageAtTheField() {
        String serviceCenter = kategorienfeld();
        assertThat(mvc.get().uri("/desk/categories").with(user("supervisor").roles("SUPERVISOR")))
                .bodyText()
                .contains("Gemeinde Kategorienfeld");
        MvcTestResult invalid = mvc.post()
                .uri("/desk/categories/" + serviceCenter)
                .with(user("supervisor").roles("SUPERVISOR"))
                .with(csrf())
                .param("categories", "Sperrmüll\nSperrmüll")
                .exchange();
        assertThat(invalid).hasStatusOk().bodyText().contains("steht doppelt in der Liste");
        assertThat(mvc.post()
                        .uri("/desk/categories/" + serviceCenter)
                        .with(user("supervisor").roles("SUPERVISOR"))
                        .with(csrf())
                        .param("categories", "Sperrmüll\nWinterdienst\n"))
                .hasStatus3xxRedirection();
        assertThat(get("/api/v1/contact-categories/" + serviceCenter, "admin"))
                .bodyJson()
                .extractingPath("$.categories")
                .isEqualTo(List.of("Sperrmüll", "Winterdienst"));
    }
}
