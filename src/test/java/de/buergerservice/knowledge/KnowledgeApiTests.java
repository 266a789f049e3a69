package de.buergerservice.knowledge;

import static de.buergerservice.Responses.read;
import static de.buergerservice.knowledge.Editors.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.knowledge.internal.search.IndexSource;
import de.buergerservice.knowledge.internal.search.IndexedService;
import de.buergerservice.tenancy.TenantDirectory;

/** Service descriptions through the REST API: layers, versions, workflow, and every input the API refuses. */
@IntegrationTest
@RecordApplicationEvents
class KnowledgeApiTests {

    static final String ARTLAND = "/api/v1/tenants/artland/knowledge";
    static final String OLDENBURG = "/api/v1/tenants/oldenburg/knowledge";

    @Autowired
    MockMvcTester mvc;

    @BeforeEach
    void editor() {
        Editors.ensure(mvc);
    }

    @Autowired
    ApplicationEvents events;

    @Autowired
    IndexSource index;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    KnowledgeCatalog catalog;

    MvcTestResult get(String uri, String user) {
        return mvc.get().uri(uri).with(Editors.as(user)).exchange();
    }

    MvcTestResult send(String method, String uri, String user, String body) {
        return mvc.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(uri)
                .with(Editors.as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    static String service(String title, String extra) {
        return """
                {"title": "%s", "synonyms": ["Testwort"], "summary": "Kurz.",
                 "body": "<p onclick=\\"alert(1)\\">Text <script>alert(2)</script>\
                <a href=\\"javascript:x()\\">x</a></p>",
                 "requiredDocuments": ["Ausweis"], "fees": "10 EUR",
                 "forms": [{"title": "Antrag", "url": "https://example.org/antrag.pdf"}],
                 "topics": ["Test/Unterthema"]%s}""".formatted(title, extra.isEmpty() ? "" : ", " + extra);
    }

    String idOf(String base, String title) {
        List<String> ids = read(get(base + "/services?q=" + title, "agent1"), "$[?(@.title == '" + title + "')].id");
        return ids.get(0);
    }

    @Test
    void givenDemoData_thenEachTenantSeesItsMergedView() {
        MvcTestResult artland = get(ARTLAND + "/services/" + idOf(ARTLAND, "Hund anmelden (Hundesteuer)"), "agent1");
        assertThat(artland)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.fees")
                .asString()
                .startsWith("75,00 EUR");
        assertThat(artland).bodyJson().extractingPath("$.overridden").asArray().contains("fees", "legalBasis");
        assertThat(artland)
                .bodyJson()
                .extractingPath("$.internalNotes")
                .isEqualTo("Steuermarken liegen im Bürgerbüro aus.");
        MvcTestResult oldenburg =
                get(OLDENBURG + "/services/" + idOf(OLDENBURG, "Hund anmelden (Hundesteuer)"), "agent1");
        assertThat(oldenburg).bodyJson().extractingPath("$.fees").isEqualTo("je nach Satzung der Gemeinde");
        assertThat(oldenburg).bodyJson().extractingPath("$.internalNotes").isNull();

        List<String> artlandTitles = read(get(ARTLAND + "/services", "artland-backoffice"), "$[*].title");
        assertThat(artlandTitles)
                .contains("Personalausweis beantragen")
                .doesNotContain("Bewohnerparkausweis beantragen");
        List<String> oldenburgTitles = read(get(OLDENBURG + "/services", "agent1"), "$[*].title");
        assertThat(oldenburgTitles).contains("Bewohnerparkausweis beantragen");
    }

    @Test
    void givenEditor_thenEverySaveIsAVersionWithDiff() {
        MvcTestResult created = send("POST", ARTLAND + "/services", EDITOR, service("Osterfeuer anmelden", ""));
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.state").isEqualTo("DRAFT");
        assertThat(created)
                .bodyJson()
                .extractingPath("$.body")
                .asString()
                .doesNotContain("onclick", "script", "javascript")
                .contains("Text");
        String id = read(created, "$.id");
        assertThat(events.stream(KnowledgeChanged.class))
                .contains(new KnowledgeChanged(
                        UUID.fromString(id),
                        tenants.findBySlug("artland").orElseThrow().id()));

        assertThat(send(
                        "PUT",
                        ARTLAND + "/services/" + id,
                        EDITOR,
                        service("Osterfeuer anmelden", "\"fees\": \"15 EUR\"").replace("\"fees\": \"10 EUR\",", "")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.fees")
                .isEqualTo("15 EUR");
        MvcTestResult versions = get(ARTLAND + "/services/" + id + "/versions", "agent1");
        assertThat(versions)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].number")
                .asArray()
                .containsExactly(2, 1);
        assertThat(versions).bodyJson().extractingPath("$[0].changedBy").isEqualTo(EDITOR);

        String newer = read(versions, "$[0].id");
        String older = read(versions, "$[1].id");
        MvcTestResult diff = get(ARTLAND + "/services/" + id + "/diff?from=" + older + "&to=" + newer, "agent1");
        assertThat(diff).hasStatusOk();
        List<Map<String, String>> changed = read(diff, "$.lines[?(@.kind != 'SAME')]");
        assertThat(changed)
                .containsExactly(
                        Map.of("kind", "REMOVED", "text", "10 EUR"), Map.of("kind", "ADDED", "text", "15 EUR"));
    }

    @Test
    void givenFourEyes_thenTheAuthorCannotPublishButAnotherCan() {
        String id = read(send("POST", ARTLAND + "/services", EDITOR, service("Laternenumzug anmelden", "")), "$.id");
        String state = ARTLAND + "/services/" + id + "/state";
        MvcTestResult direct = send("POST", state, EDITOR, "{\"state\": \"PUBLISHED\"}");
        assertThat(direct)
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Eine Leistung im Status „Entwurf“ kann nicht in den Status „Veröffentlicht“ wechseln.");
        assertThat(send("POST", state, EDITOR, "{\"state\": \"IN_REVIEW\"}")).hasStatusOk();
        assertThat(send("POST", state, EDITOR, "{\"state\": \"PUBLISHED\"}"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .startsWith("Vier-Augen-Prinzip");
        assertThat(send("POST", state, "admin", "{\"state\": \"PUBLISHED\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("PUBLISHED");
        assertThat(send("POST", state, "admin", "{\"state\": \"ARCHIVED\"}")).hasStatusOk();
        assertThat(index.find(tenants.findBySlug("artland").orElseThrow().id(), UUID.fromString(id)))
                .isEmpty();
    }

    @Test
    void givenFourEyes_thenAChangeToAPublishedServiceIsAWorkingCopyUntilAnotherPersonPublishesIt() {
        String id = read(send("POST", ARTLAND + "/services", EDITOR, service("Kartoffelfest anmelden", "")), "$.id");
        String state = ARTLAND + "/services/" + id + "/state";
        send("POST", state, EDITOR, "{\"state\": \"IN_REVIEW\"}");
        assertThat(send("POST", state, "admin", "{\"state\": \"PUBLISHED\"}")).hasStatusOk();
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        UUID service = UUID.fromString(id);

        MvcTestResult changed = send(
                "PUT",
                ARTLAND + "/services/" + id,
                EDITOR,
                service("Kartoffelfest anmelden", "\"fees\": \"20 EUR\"").replace("\"fees\": \"10 EUR\",", ""));
        assertThat(changed).hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("DRAFT");
        assertThat(changed).bodyJson().extractingPath("$.workingCopy").isEqualTo(true);
        assertThat(changed).bodyJson().extractingPath("$.fees").isEqualTo("20 EUR");
        ServiceView seenByCitizens =
                catalog.find(artland, service, Audience.PUBLIC).orElseThrow();
        assertThat(seenByCitizens.fees()).isEqualTo("10 EUR");
        assertThat(seenByCitizens.state()).isEqualTo(ServiceState.PUBLISHED);
        assertThat(seenByCitizens.workingCopy()).isFalse();
        assertThat(index.find(artland, service))
                .get()
                .extracting(IndexedService::published)
                .isEqualTo(true);

        send("POST", state, EDITOR, "{\"state\": \"IN_REVIEW\"}");
        assertThat(send("POST", state, EDITOR, "{\"state\": \"PUBLISHED\"}")).hasStatus(409);
        assertThat(catalog.find(artland, service, Audience.PUBLIC).orElseThrow().fees())
                .isEqualTo("10 EUR");
        MvcTestResult published = send("POST", state, "admin", "{\"state\": \"PUBLISHED\"}");
        assertThat(published)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.workingCopy")
                .isEqualTo(false);
        assertThat(catalog.find(artland, service, Audience.PUBLIC).orElseThrow().fees())
                .isEqualTo("20 EUR");

        send(
                "PUT",
                ARTLAND + "/services/" + id,
                EDITOR,
                service("Kartoffelfest anmelden", "\"fees\": \"30 EUR\"").replace("\"fees\": \"10 EUR\",", ""));
        assertThat(send("POST", state, "admin", "{\"state\": \"ARCHIVED\"}")).hasStatusOk();
        assertThat(catalog.find(artland, service, Audience.PUBLIC)).isEmpty();
    }

    @Test
    void givenWorkingCopy_thenSearchFindsThePublishedWordsUntilTheChangeIsPublished() {
        String id = read(send("POST", ARTLAND + "/services", EDITOR, service("Erntedankmarkt anmelden", "")), "$.id");
        String state = ARTLAND + "/services/" + id + "/state";
        send("POST", state, EDITOR, "{\"state\": \"IN_REVIEW\"}");
        send("POST", state, "admin", "{\"state\": \"PUBLISHED\"}");
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();

        send("PUT", ARTLAND + "/services/" + id, EDITOR, service("Herbstmarkt anmelden", ""));
        assertThat(index.find(artland, UUID.fromString(id)))
                .get()
                .extracting(IndexedService::title)
                .isEqualTo("Erntedankmarkt anmelden");
        send("POST", state, EDITOR, "{\"state\": \"IN_REVIEW\"}");
        send("POST", state, "admin", "{\"state\": \"PUBLISHED\"}");
        assertThat(index.find(artland, UUID.fromString(id)))
                .get()
                .extracting(IndexedService::title)
                .isEqualTo("Herbstmarkt anmelden");
    }

    @Test
    void givenOverride_thenOnlyThatTenantSeesItOnceASecondPersonApprovedIt() {
        String id = idOf(ARTLAND, "Reisepass beantragen");
        String override = ARTLAND + "/services/" + id + "/override";
        MvcTestResult changed =
                send("PUT", override, EDITOR, "{\"title\": \"Reisepass (Artland)\", \"requiredDocuments\": []}");
        assertThat(changed).hasStatusOk().bodyJson().extractingPath("$.title").isEqualTo("Reisepass (Artland)");
        assertThat(changed).bodyJson().extractingPath("$.overridePending").isEqualTo(true);
        // the editor reads the working copy; agents answer with what is in force, with a hint that a change waits
        assertThat(get(ARTLAND + "/services/" + id, EDITOR))
                .bodyJson()
                .extractingPath("$.requiredDocuments")
                .asArray()
                .isEmpty();
        MvcTestResult agentView = get(ARTLAND + "/services/" + id, "agent1");
        assertThat(agentView).bodyJson().extractingPath("$.title").isEqualTo("Reisepass beantragen");
        assertThat(agentView)
                .bodyJson()
                .extractingPath("$.requiredDocuments")
                .asArray()
                .isNotEmpty();
        assertThat(agentView).bodyJson().extractingPath("$.overridePending").isEqualTo(true);
        assertThat(get(OLDENBURG + "/services/" + id, "agent1"))
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Reisepass beantragen");
        UUID artland = tenants.findBySlug("artland").orElseThrow().id();
        UUID oldenburg = tenants.findBySlug("oldenburg").orElseThrow().id();
        UUID service = UUID.fromString(id);
        // the published service is public: citizens and the search keep the catalogue's title until approval
        assertThat(catalog.find(artland, service, Audience.PUBLIC).orElseThrow().title())
                .isEqualTo("Reisepass beantragen");
        assertThat(index.find(artland, service))
                .get()
                .extracting(IndexedService::title)
                .isEqualTo("Reisepass beantragen");
        assertThat(send("POST", override + "/approval", EDITOR, ""))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .startsWith("Vier-Augen-Prinzip");

        assertThat(send("POST", override + "/approval", "admin", ""))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.overridePending")
                .isEqualTo(false);
        assertThat(catalog.find(artland, service, Audience.PUBLIC).orElseThrow().title())
                .isEqualTo("Reisepass (Artland)");
        // other tests of the shared context may add municipalities: look at the two demo ones
        assertThat(index.all()
                        .filter(s -> s.serviceId().equals(service))
                        .filter(s ->
                                s.tenantId().equals(artland) || s.tenantId().equals(oldenburg))
                        .map(IndexedService::title))
                .containsExactlyInAnyOrder("Reisepass (Artland)", "Reisepass beantragen");
        assertThat(send("POST", override + "/approval", "admin", ""))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Für diese Leistung wartet keine lokale Anpassung auf Freigabe.");

        assertThat(send("DELETE", override, EDITOR, ""))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Reisepass beantragen");
        assertThat(catalog.find(artland, service, Audience.PUBLIC).orElseThrow().title())
                .isEqualTo("Reisepass (Artland)");
        assertThat(send("POST", override + "/approval", "admin", "")).hasStatusOk();
        assertThat(get(override, EDITOR)).hasStatus(404);
        assertThat(catalog.find(artland, service, Audience.PUBLIC).orElseThrow().title())
                .isEqualTo("Reisepass beantragen");
    }

    @Test
    void givenIndexSource_thenBodyIsPlainTextAndOldenburgOnlyStaysThere() {
        UUID oldenburg = tenants.findBySlug("oldenburg").orElseThrow().id();
        List<IndexedService> parking = index.all()
                .filter(s -> s.title().equals("Bewohnerparkausweis beantragen"))
                .toList();
        assertThat(parking).singleElement().satisfies(s -> {
            assertThat(s.tenantId()).isEqualTo(oldenburg);
            assertThat(s.body()).doesNotContain("<p>").contains("Bewohnerparkzonen");
            assertThat(s.published()).isTrue();
            assertThat(s.internalNotes()).isEqualTo("Zonenplan hängt im Straßenverkehrsamt aus.");
        });
        assertThat(index.all().filter(s -> s.title().equals("Geburtsurkunde beantragen")))
                .allSatisfy(s -> assertThat(s.published()).isFalse())
                .hasSize(tenants.findAll().size());
    }

    @Test
    void givenDashboard_thenOverdueAndWaitingAndAnEmptySearchList() {
        MvcTestResult dashboard = get(ARTLAND + "/dashboard", EDITOR);
        assertThat(dashboard)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.overdueReviews[*].title")
                .asArray()
                .contains("Wohnsitz abmelden (Wegzug ins Ausland)");
        assertThat(dashboard)
                .bodyJson()
                .extractingPath("$.waiting[*].title")
                .asArray()
                .contains("Geburtsurkunde beantragen");
        assertThat(dashboard)
                .bodyJson()
                .extractingPath("$.unansweredSearches")
                .asArray()
                .isNotNull();
    }

    @Test
    void givenExport_thenMergedCatalogueAsJson() {
        MvcTestResult export = get(ARTLAND + "/export?audience=PUBLIC", "artland-management");
        assertThat(export).hasStatusOk().bodyJson().extractingPath("$.tenant").isEqualTo("artland");
        assertThat(export)
                .bodyJson()
                .extractingPath("$.services[*].state")
                .asArray()
                .containsOnly("PUBLISHED");
        assertThat(export)
                .bodyJson()
                .extractingPath("$.services[*].internalNotes")
                .asArray()
                .containsOnlyNulls();
    }

    @Test
    void givenBadLeikaKey_thenProblemNamesTheField() {
        MvcTestResult result =
                send("POST", ARTLAND + "/services", EDITOR, service("Test", "\"leikaKey\": \"9900800100000\""));
        assertThat(result)
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("leikaKey");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("Der LeiKa-Schlüssel besteht aus 14 Ziffern und beginnt mit 99.");
    }

    @Test
    void givenEmptyTitle_thenProblemNamesTheField() {
        assertThat(send("POST", ARTLAND + "/services", EDITOR, service(" ", "")))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("title");
    }

    @Test
    void givenBlankOverrideTitle_thenProblemNamesTheField() {
        assertThat(send(
                        "PUT",
                        ARTLAND + "/services/" + idOf(ARTLAND, "Gewerbe anmelden") + "/override",
                        EDITOR,
                        "{\"title\": \"  \"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("title");
    }

    @Test
    void givenReviewDateInThePast_thenProblemNamesTheField() {
        MvcTestResult result = send(
                "POST",
                ARTLAND + "/services",
                EDITOR,
                service("Test", "\"reviewDate\": \"" + LocalDate.now().minusDays(2) + "\""));
        assertThat(result)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reviewDate");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .isEqualTo("Die Wiedervorlage darf nicht in der Vergangenheit liegen.");
    }

    @Test
    void givenReviewDateTooFarAhead_thenProblemNamesTheField() {
        assertThat(send(
                        "POST",
                        ARTLAND + "/services",
                        EDITOR,
                        service("Test", "\"reviewDate\": \"" + LocalDate.now().plusYears(6) + "\"")))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reviewDate");
    }

    @Test
    void givenFormWithoutHttpUrl_thenProblemNamesTheNestedField() {
        assertThat(send(
                        "POST",
                        ARTLAND + "/services",
                        EDITOR,
                        service("Test", "").replace("https://example.org/antrag.pdf", "ftp://example.org/antrag.pdf")))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .asString()
                .startsWith("forms[0]");
    }

    @Test
    void givenDepartmentOfAnotherTenant_thenProblemNamesTheField() {
        UUID oldenburgDepartment = tenants.departmentsOf(
                        tenants.findBySlug("oldenburg").orElseThrow().id())
                .get(0)
                .id();
        assertThat(send(
                        "POST",
                        ARTLAND + "/services",
                        EDITOR,
                        service("Test", "\"departmentId\": \"" + oldenburgDepartment + "\"")))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("departmentId");
    }

    @Test
    void givenUnknownState_thenProblemNamesTheField() {
        assertThat(send(
                        "POST",
                        ARTLAND + "/services/" + idOf(ARTLAND, "Gewerbe anmelden") + "/state",
                        "admin",
                        "{\"state\": \"GELOESCHT\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("state");
    }

    @Test
    void givenDiffWithoutVersions_thenProblemNamesTheField() {
        assertThat(get(ARTLAND + "/services/" + idOf(ARTLAND, "Gewerbe anmelden") + "/diff", "agent1"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("from");
    }

    @Test
    void givenVersionOfAnotherService_thenProblemNamesTheField() {
        String id = idOf(ARTLAND, "Gewerbe anmelden");
        String otherVersion = read(
                get(ARTLAND + "/services/" + idOf(ARTLAND, "Reisepass beantragen") + "/versions", "agent1"), "$[0].id");
        String ownVersion = read(get(ARTLAND + "/services/" + id + "/versions", "agent1"), "$[0].id");
        assertThat(get(ARTLAND + "/services/" + id + "/diff?from=" + ownVersion + "&to=" + otherVersion, "agent1"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("to");
    }

    @Test
    void givenStaleRevision_thenConflictInsteadOfLostUpdate() {
        String id = read(send("POST", ARTLAND + "/services", EDITOR, service("Brauchtum pflegen", "")), "$.id");
        assertThat(send(
                        "PUT",
                        ARTLAND + "/services/" + id,
                        EDITOR,
                        service("Brauchtum pflegen", "\"summary\": \"Erste.\", \"revision\": 1")
                                .replace("\"summary\": \"Kurz.\",", "")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.revision")
                .isEqualTo(2);
        assertThat(send(
                        "PUT",
                        ARTLAND + "/services/" + id,
                        "admin",
                        service("Brauchtum pflegen", "\"summary\": \"Zweite.\", \"revision\": 1")
                                .replace("\"summary\": \"Kurz.\",", "")))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .startsWith("Der Datensatz wurde inzwischen");
    }

    @Test
    void givenUnknownService_thenNotFoundInGerman() {
        assertThat(get(ARTLAND + "/services/" + UUID.randomUUID(), "agent1"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Diese Leistung gibt es bei dieser Kommune nicht.");
    }

    @Test
    void givenOverrideOfTenantOnlyService_thenConflict() {
        assertThat(send(
                        "PUT",
                        OLDENBURG + "/services/" + idOf(OLDENBURG, "Bewohnerparkausweis beantragen") + "/override",
                        EDITOR,
                        "{\"fees\": \"1 EUR\"}"))
                .hasStatus(409);
    }

    @Test
    void givenAgentOrBackOffice_thenReadOnly() {
        String id = idOf(ARTLAND, "Gewerbe anmelden");
        assertThat(send("PUT", ARTLAND + "/services/" + id, "agent1", service("Gewerbe anmelden", "")))
                .hasStatus(403);
        assertThat(send("POST", ARTLAND + "/services", "artland-backoffice", service("Neu", "")))
                .hasStatus(403);
        assertThat(get(ARTLAND + "/services/" + id, "artland-backoffice")).hasStatusOk();
        assertThat(get(OLDENBURG + "/services/" + id, "artland-backoffice")).hasStatus(404);
    }

    @Test
    void givenAgentWithInvalidBody_thenForbiddenBeforeTheBodyIsValidated() {
        String id = idOf(ARTLAND, "Gewerbe anmelden");
        assertThat(send("POST", ARTLAND + "/services", "agent1", "{}")).hasStatus(403);
        assertThat(send("PUT", ARTLAND + "/services/" + id, "agent1", "{\"title\": \"\"}"))
                .hasStatus(403);
        assertThat(send("PUT", ARTLAND + "/services/" + id + "/override", "agent1", "{\"state\": \"KAPUTT\"}"))
                .hasStatus(403);
        assertThat(send("POST", ARTLAND + "/services/" + id + "/state", "agent1", "{}"))
                .hasStatus(403);
        assertThat(send("POST", ARTLAND + "/services/state", "agent1", "{}")).hasStatus(403);
    }
}
