package de.buergerservice.identity;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import de.buergerservice.IntegrationTest;
import de.buergerservice.backoffice.internal.Tickets;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.internal.KnowledgeImports;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.tenancy.AgreementInfo;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Tenant isolation, tried on every endpoint of the REST API — including endpoints added later, because the list
 * is read from Spring MVC's handler mappings, not written down here. Users of the Samtgemeinde Artland (back office
 * and management) call each endpoint with the identifiers of Stadt Oldenburg's records and must get 404 (or 403
 * where their role may not call the endpoint at all), never a foreign record. Collection endpoints they may read
 * must not contain anything of Oldenburg.
 *
 * <p>A new path variable needs an Oldenburg record in {@link #foreignIds()}; the test fails until it has one.
 */
@IntegrationTest
class TenantIsolationTests {

    static final List<String> ARTLAND_USERS = List.of("artland-backoffice", "artland-management");
    static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Endpoints whose records belong to the operator, not to a tenant: readable by every signed-in user. */
    static final Set<String> NOT_TENANT_DATA = Set.of("GET /api/v1/service-centers/{serviceCenterId}");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserDirectory users;

    @Autowired
    KnowledgeCatalog knowledge;

    @Autowired
    KnowledgeImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Tickets tickets;

    @Autowired
    de.buergerservice.contact.ServiceCenterCallbacks callbacks;

    @Autowired
    de.buergerservice.planning.internal.PlanningSimulations simulations;

    /** Query parameters an endpoint requires, so that calling it for the own tenant can succeed. */
    static final Map<String, String> REQUIRED_PARAMETERS = Map.of(
            "GET /api/v1/tenants/{slug}/knowledge/search", "?q=Ausweis",
            // planning: arithmetic on the figures sent, no tenant data; without them the answer is 400
            "GET /api/v1/planning/erlang-c",
                    "?calls=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=0.8&thresholdSeconds=20",
            "GET /api/v1/planning/erlang-a",
                    "?calls=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=0.8&thresholdSeconds=20"
                            + "&patienceSeconds=300");

    /**
     * Endpoints that name their record in the query instead of the path (reports: {@code ?agreement=…}): called
     * with the placeholder replaced by an Oldenburg record they must answer 404 (403 for a role that may not call
     * them); with Artland's own record, Artland's management gets 200.
     */
    static final Map<String, String> QUERY_SCOPED = Map.of(
            "GET /api/v1/reports/kpis", "?agreement={agreementId}&from=2026-01-01&to=2026-01-31&interval=week",
            "GET /api/v1/reports/interim-report", "?agreement={agreementId}&from=2026-01-01&to=2026-01-31",
            "GET /api/v1/reports/billing", "?agreement={agreementId}&month=2026-01",
            "GET /api/v1/reports/agents", "?agreement={agreementId}&from=2026-01-01&to=2026-01-31");

    /** For each path variable, the identifier of a record that belongs to Stadt Oldenburg. */
    Map<String, String> foreignIds() {
        TenantInfo oldenburg = tenants.findBySlug("oldenburg").orElseThrow();
        AgreementInfo agreement = tenants.agreementsFor(oldenburg.id()).get(0);
        Map<String, String> ids = new java.util.HashMap<>(Map.of(
                "slug", oldenburg.slug(),
                "tenantId", oldenburg.id().toString(),
                "departmentId",
                        tenants.departmentsOf(oldenburg.id()).get(0).id().toString(),
                "agreementId", agreement.id().toString(),
                "serviceCenterId", agreement.serviceCenterId().toString(),
                "userId", users.findByUsername("agent1").orElseThrow().id().toString(),
                "synonymId",
                        jdbc.queryForObject(
                                "select id from knowledge_synonym where tenant_id = ? limit 1",
                                String.class,
                                oldenburg.id()),
                "serviceId", oldenburgOnlyService(oldenburg).toString(),
                "importId", oldenburgImport().toString(),
                // telephony: the demo agent agent1 (its agent id is its user id)
                "agentId", users.findByUsername("agent1").orElseThrow().id().toString()));
        // backoffice: a ticket of Oldenburg's Ordnungsamt
        ids.put("ticketId", oldenburgTicket(oldenburg).toString());
        // applications: a submission of Oldenburg's with an attachment (through the public API's desk)
        UUID[] submission = oldenburgSubmission(oldenburg);
        ids.put("submissionId", submission[0].toString());
        ids.put("attachmentId", submission[1].toString());
        // identity: an API token of agent1 (tokens belong to users; only administrators reach them)
        ids.put(
                "tokenId",
                agent1Token(users.findByUsername("agent1").orElseThrow().id()).toString());
        // contact: a contact of Oldenburg's (an e-mail, documented by nobody yet)
        ids.put("contactId", oldenburgContact(oldenburg.id()).toString());
        // telephony (issue 19): a prompt situation of a municipality's line (not an id; any of the four)
        ids.put("situation", "GREETING");
        // contact: a callback the ServiceCenter is to make for Oldenburg (a ticket sent back)
        UUID returnedTicket = UUID.randomUUID();
        callbacks.request(new de.buergerservice.contact.ServiceCenterCallbacks.Request(
                returnedTicket, oldenburg.id(), null, "Isolation", "+49 441 000", null, java.time.Instant.now()));
        ids.put(
                "callbackId",
                jdbc.queryForObject(
                        "select id from contact_callback where ticket_id = ?", String.class, returnedTicket));
        // planning: a what-if simulation somebody else (the shift supervisor) started
        ids.put(
                "simulationId",
                simulations
                        .start(
                                "supervisor",
                                new de.buergerservice.planning.internal.WhatIf(
                                        "Isolation",
                                        100,
                                        de.buergerservice.planning.internal.DayProfiles.office(),
                                        180,
                                        null,
                                        10,
                                        null,
                                        0.8,
                                        20,
                                        0,
                                        null,
                                        1,
                                        1))
                        .id()
                        .toString());
        // applications: a form of Oldenburg's, published (its key and version)
        ids.put("formKey", oldenburgForm(oldenburg.id()));
        ids.put("version", "1");
        return ids;
    }

    @Autowired
    de.buergerservice.applications.internal.FormStore forms;

    String oldenburgForm(UUID oldenburg) {
        String key = "isolation-oldenburg";
        if (forms.find(oldenburg, key).isEmpty()) {
            forms.save(
                    oldenburg,
                    null,
                    new de.buergerservice.applications.FormDefinition(
                            key,
                            0,
                            "Formular aus Oldenburg",
                            null,
                            List.of(new de.buergerservice.applications.FormSection(
                                    "s1",
                                    "Angaben",
                                    null,
                                    List.of(de.buergerservice.applications.FormField.of(
                                            "name", "Name", de.buergerservice.applications.FieldKind.TEXT, true)))),
                            null),
                    "isolation");
            forms.publish(oldenburg, key, 1);
        }
        return key;
    }

    /** A ticket of Oldenburg, opened as the back office's listener opens one from a hand-off. */
    UUID oldenburgTicket(TenantInfo oldenburg) {
        var department = tenants.departmentsOf(oldenburg.id()).get(0);
        return tickets.open(new de.buergerservice.contact.ContactHandedOff(
                        UUID.randomUUID(),
                        oldenburg.id(),
                        de.buergerservice.contact.ContactChannel.PHONE,
                        department.id(),
                        de.buergerservice.contact.HandOffKind.CALLBACK,
                        null,
                        "Isolation",
                        "Anliegen aus Oldenburg",
                        null,
                        "Olga Oldenburg",
                        "+49 441 1234",
                        "olga@example.org",
                        null,
                        null,
                        java.time.Instant.now()))
                .orElseThrow();
    }

    @Autowired
    de.buergerservice.applications.internal.FormStore formStore;

    @Autowired
    de.buergerservice.applications.SubmissionDesk submissionDesk;

    /** A submission of a test form of Oldenburg's and the id of its attachment. */
    UUID[] oldenburgSubmission(TenantInfo oldenburg) {
        String key = new de.buergerservice.applications.TestForms(formStore).publish(oldenburg.id());
        var form = formStore.current(oldenburg.id(), key).orElseThrow();
        var file = submissionDesk.upload("proof", "nachweis.pdf", de.buergerservice.applications.TestForms.PDF);
        var receipt = submissionDesk.submit(
                oldenburg.id(),
                form,
                Map.of(
                        "name", List.of("Olga Oldenburg"),
                        "email", List.of("olga@example.org"),
                        "proof", List.of(file.id().toString())),
                List.of(file),
                null);
        return new UUID[] {receipt.submissionId(), file.id()};
    }

    UUID oldenburgContact(UUID oldenburg) {
        UUID id = UUID.randomUUID();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.update(
                "insert into contact (id, tenant_id, channel, started_at, state, version, created_at, updated_at)"
                        + " values (?, ?, 'EMAIL', ?, 'OPEN', 0, ?, ?)",
                id,
                oldenburg,
                now,
                now,
                now);
        return id;
    }

    UUID agent1Token(UUID agent1) {
        UUID id = UUID.randomUUID();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.update(
                "insert into api_token (id, user_id, name, token_hash, hint, expires_at, version, created_at,"
                        + " updated_at) values (?, ?, 'Isolation', ?, 'bst_is', ?, 0, ?, ?)",
                id,
                agent1,
                id.toString().replace("-", "") + id.toString().replace("-", ""),
                java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(3600)),
                now,
                now);
        return id;
    }

    /** The demo service that exists for Oldenburg only (not a shared catalogue entry). */
    UUID oldenburgOnlyService(TenantInfo oldenburg) {
        return knowledge.list(oldenburg.id(), Audience.STAFF).stream()
                .filter(service -> !service.catalogue())
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** An import job of Oldenburg: a rejected file, so nothing is written. */
    UUID oldenburgImport() {
        UUID[] id = new UUID[1];
        SystemActor.run(() -> id[0] = imports.importNow(
                        "oldenburg",
                        KnowledgeImports.Format.CSV,
                        false,
                        false,
                        "kein,titel\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .id());
        return id[0];
    }

    record Endpoint(HttpMethod method, String pattern) {

        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = PATH_VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        String uri(Map<String, String> values) {
            String uri = pattern;
            for (String name : variables()) {
                assertThat(values)
                        .as("an Oldenburg record for path variable {%s} in TenantIsolationTests", name)
                        .containsKey(name);
                uri = uri.replace("{" + name + "}", values.get(name));
            }
            return uri;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    List<Endpoint> apiEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                // the portal's public feed publishes every municipality's published services to anyone by design
                if (pattern.startsWith("/api/") && !pattern.startsWith("/api/public/")) {
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                            .forEach(m -> endpoints.add(new Endpoint(m.asHttpMethod(), pattern)));
                }
            }
        }
        assertThat(endpoints).as("API endpoints found").hasSizeGreaterThan(10);
        return endpoints;
    }

    MvcTestResult call(Endpoint endpoint, String uri, String user) {
        return mvc.method(endpoint.method())
                .uri(uri)
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .exchange();
    }

    @TestFactory
    Stream<DynamicTest> foreignRecordsAreNotFound() {
        Map<String, String> foreign = foreignIds();
        return apiEndpoints().stream()
                .filter(e -> !e.variables().isEmpty())
                .filter(e -> !NOT_TENANT_DATA.contains(e.toString()))
                .flatMap(endpoint -> ARTLAND_USERS.stream()
                        .map(user -> DynamicTest.dynamicTest(endpoint + " as " + user, () -> {
                            MvcTestResult result = call(endpoint, endpoint.uri(foreign), user);
                            assertThat(result.getResponse().getStatus())
                                    .as(endpoint + " as " + user)
                                    .isIn(allowedRefusals(endpoint));
                            assertNothingOfOldenburgIn(result, foreign);
                        })));
    }

    /** Artland's own path with the id of an Oldenburg record: the record is not found under Artland either. */
    @TestFactory
    Stream<DynamicTest> foreignRecordsAreNotFoundUnderOwnTenant() {
        Map<String, String> ids = new LinkedHashMap<>(foreignIds());
        ids.put("slug", "artland");
        return apiEndpoints().stream()
                .filter(e -> e.variables().contains("slug") && e.variables().size() > 1)
                .flatMap(endpoint -> ARTLAND_USERS.stream()
                        .map(user -> DynamicTest.dynamicTest(endpoint + " (own tenant, foreign id) as " + user, () -> {
                            MvcTestResult result = call(endpoint, endpoint.uri(ids), user);
                            assertThat(result.getResponse().getStatus())
                                    .as(endpoint + " as " + user)
                                    .isIn(allowedRefusals(endpoint));
                            assertNothingOfOldenburgIn(result, foreignIds());
                        })));
    }

    /** Lists a tenant-bound user may read contain only their own tenant's data. */
    @TestFactory
    Stream<DynamicTest> collectionsHoldNothingForeign() {
        Map<String, String> foreign = foreignIds();
        return apiEndpoints().stream()
                .filter(e -> e.variables().isEmpty() && e.method() == HttpMethod.GET)
                .flatMap(endpoint -> ARTLAND_USERS.stream()
                        .map(user -> DynamicTest.dynamicTest(endpoint + " as " + user, () -> {
                            String query = QUERY_SCOPED.get(endpoint.toString());
                            MvcTestResult result = call(
                                    endpoint,
                                    endpoint.pattern()
                                            + (query == null
                                                    ? REQUIRED_PARAMETERS.getOrDefault(endpoint.toString(), "")
                                                    : query.replace("{agreementId}", foreign.get("agreementId"))),
                                    user);
                            assertThat(result.getResponse().getStatus())
                                    .as(endpoint + " as " + user)
                                    .isIn(query == null ? List.of(200, 403) : List.of(403, 404));
                            assertNothingOfOldenburgIn(result, foreign);
                        })));
    }

    /** The query-scoped endpoints do answer Artland's management for Artland's own agreement. */
    @TestFactory
    Stream<DynamicTest> queryScopedEndpointsServeTheOwnTenant() {
        TenantInfo artland = tenants.findBySlug("artland").orElseThrow();
        String own = tenants.agreementsFor(artland.id()).get(0).id().toString();
        assertThat(apiEndpoints().stream().map(Endpoint::toString)).containsAll(QUERY_SCOPED.keySet());
        return QUERY_SCOPED.entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey() + " for artland", () -> {
                    MvcTestResult result = mvc.get()
                            .uri(entry.getKey().substring(4) + entry.getValue().replace("{agreementId}", own))
                            .with(httpBasic("artland-management", "demo"))
                            .exchange();
                    assertThat(result.getResponse().getStatus()).isEqualTo(200);
                }));
    }

    /** The check is not vacuous: the same users do see their own municipality. */
    @TestFactory
    Stream<DynamicTest> ownTenantIsVisible() {
        return apiEndpoints().stream()
                .filter(e -> e.method() == HttpMethod.GET && e.variables().equals(List.of("slug")))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint + " for artland", () -> {
                    MvcTestResult result = call(
                            endpoint,
                            endpoint.uri(Map.of("slug", "artland"))
                                    + REQUIRED_PARAMETERS.getOrDefault(endpoint.toString(), ""),
                            "artland-management");
                    assertThat(result.getResponse().getStatus()).isIn(200, 403);
                }));
    }

    /**
     * Reading or deleting a foreign record: 404 (not found) or 403 (the role may not call this at all). A write
     * whose body is invalid (the test sends {@code {}}) may be refused for its body first — 400 names only the
     * caller's own input, never the foreign record.
     */
    static List<Integer> allowedRefusals(Endpoint endpoint) {
        return endpoint.method() == HttpMethod.POST
                        || endpoint.method() == HttpMethod.PUT
                        || endpoint.method() == HttpMethod.PATCH
                ? List.of(400, 403, 404)
                : List.of(403, 404);
    }

    static void assertNothingOfOldenburgIn(MvcTestResult result, Map<String, String> foreign) {
        // "instance" echoes the caller's own request path; everything else must be free of Oldenburg's data
        String body = body(result).replaceAll("\"instance\":\"[^\"]*\"", "");
        assertThat(body).as("answer must not name Oldenburg's tenant").doesNotContain("\"oldenburg\"");
        foreign.forEach((name, id) -> {
            // a form's version number ("1") is no identifier that could leak
            if (!name.equals("serviceCenterId") && !name.equals("slug") && !name.equals("version")) {
                assertThat(body)
                        .as("answer must not contain the Oldenburg %s", name)
                        .doesNotContain(id);
            }
        });
    }
}
