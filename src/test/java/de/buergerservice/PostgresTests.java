package de.buergerservice;

import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.telephony.CallEventType;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.routing.CallEvent;

/**
 * The production profile on PostgreSQL: the one Flyway migration set applies, Hibernate validates every entity
 * against it, the first administrator comes from the environment, and the REST API stores and reads back
 * exactly what H2 does (uuid, time, numeric, text). Skipped without PostgreSQL outside CI.
 */
@SpringBootTest(
        properties = {
            "buergerservice.admin.user=betrieb",
            "buergerservice.admin.password=ein-langes-passwort",
            "buergerservice.data-dir=target/test-data/postgres",
            "server.servlet.session.cookie.secure=false",
            "buergerservice.sip.port=0",
            "buergerservice.demo.trial-phase=false"
        })
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
class PostgresTests {

    static final PostgresDatabase DATABASE = PostgresDatabase.createSchema();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
        registry.add("spring.datasource.password", () -> PostgresDatabase.PASSWORD);
    }

    @AfterAll
    static void dropSchema() {
        DATABASE.drop();
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    MvcTestResult post(String uri, String body) {
        return mvc.post()
                .uri(uri)
                .with(httpBasic("betrieb", "ein-langes-passwort"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void migrationsRanOnPostgresAndNoDemoData() {
        assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(DATABASE.schema());
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from tenant where slug in ('oldenburg', 'artland')", Integer.class))
                .isZero();
        assertThat(jdbc.queryForList("select username from user_account", String.class))
                .containsExactly("betrieb");
    }

    @Test
    void portalBrandingAndPagesOnPostgres(@Autowired de.buergerservice.portal.internal.BrandingService branding) {
        assertThat(post("/api/v1/tenants", """
                {"slug": "alfhausen", "name": "Gemeinde Alfhausen", "type": "MUNICIPALITY", "ags": "03459001",
                 "federalState": "NI", "phoneNumbers": ["+4954649000"], "greeting": "Gemeinde Alfhausen, guten Tag",
                 "openingHours": {"weekly": {"MONDAY": [{"opens": "08:00", "closes": "12:00"}]}, "exceptions": []}}
                """)).hasStatus(201);
        java.util.UUID tenant =
                jdbc.queryForObject("select id from tenant where slug = 'alfhausen'", java.util.UUID.class);
        byte[] png = java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        de.buergerservice.shared.security.SystemActor.run(() -> {
            branding.save(
                    tenant,
                    new de.buergerservice.portal.internal.BrandingData(
                            "#3b2f6b", "Rathaus Alfhausen", null, null, null, "Leichte Sprache.", null, null, null));
            branding.saveLogo(tenant, png);
        });
        assertThat(mvc.get().uri("/alfhausen/"))
                .hasStatusOk()
                .bodyText()
                .contains("Gemeinde Alfhausen", "Rathaus Alfhausen", "src=\"/alfhausen/logo\"");
        assertThat(mvc.get().uri("/alfhausen/marke.css")).bodyText().contains("#3b2f6b");
        assertThat(mvc.get().uri("/alfhausen/logo")).hasStatusOk().hasContentType("image/png");
        assertThat(mvc.get().uri("/api/public/v1/alfhausen/services")).hasStatusOk();
    }

    @Test
    void tenantAgreementAndAuditRoundTrip() {
        assertThat(post("/api/v1/tenants", """
                {"slug": "menslage", "name": "Gemeinde Menslage", "type": "MUNICIPALITY", "ags": "03459025",
                 "federalState": "NI", "phoneNumbers": ["+4954379090"], "greeting": "Gemeinde Menslage, guten Tag",
                 "openingHours": {"weekly": {"TUESDAY": [{"opens": "08:30", "closes": "12:15"}]},
                                  "exceptions": [{"date": "2026-12-24", "hours": [], "note": "Heiligabend"}]}}
                """)).hasStatus(201);
        String serviceCenter = read(post("/api/v1/service-centers", "{\"name\": \"ServiceCenter Nord\"}"), "$.id");
        MvcTestResult agreement = post("/api/v1/agreements", """
                {"serviceCenterId": "%s", "clientTenant": "menslage", "channels": ["PHONE", "EMAIL"],
                 "startDate": "2026-01-01", "trialPhaseEnd": "2026-06-30",
                 "serviceLevelTarget": {"percent": 80.5, "withinSeconds": 20},
                 "targetAverageWaitSeconds": 15, "targetFirstContactResolutionPercent": 67,
                 "pricePerContact": 1.99, "status": "TRIAL"}""".formatted(serviceCenter));
        assertThat(agreement)
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.pricePerContact")
                .isEqualTo(1.99);
        assertThat(jdbc.queryForObject("select price_per_contact from cooperation_agreement", BigDecimal.class))
                .isEqualByComparingTo("1.99");

        assertThat(mvc.get().uri("/api/v1/tenants/menslage").with(httpBasic("betrieb", "ein-langes-passwort")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.openingHours.weekly.TUESDAY[0].closes")
                .isEqualTo("12:15");
        assertThat(mvc.get().uri("/api/v1/audit?actor=system").with(httpBasic("betrieb", "ein-langes-passwort")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].entityType")
                .isEqualTo("User");
        assertThat(mvc.get()
                        .uri("/api/v1/audit?entityType=CooperationAgreement&actor=betrieb")
                        .with(httpBasic("betrieb", "ein-langes-passwort")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .isEqualTo(1);
    }

    @Test
    void givenDuplicateNumber_thenRejectedOnPostgresToo() {
        String body = """
                {"slug": "%s", "name": "Gemeinde %s", "type": "MUNICIPALITY", "ags": "%s",
                 "federalState": "NI", "phoneNumbers": ["+4954339990"], "greeting": "Guten Tag"}""";
        assertThat(post("/api/v1/tenants", body.formatted("badbergen", "Badbergen", "03459003")))
                .hasStatus(201);
        assertThat(post("/api/v1/tenants", body.formatted("badbergen2", "Badbergen 2", "03459005")))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("phoneNumbers[0]");
    }

    /** The knowledge schema on PostgreSQL: entry, override, versions with diff, a DLDB import and the export. */
    @Test
    void knowledgeRoundTripOnPostgres() {
        assertThat(post("/api/v1/tenants", """
                {"slug": "quakenbrueck", "name": "Stadt Quakenbrück", "type": "MUNICIPALITY", "ags": "03459028",
                 "federalState": "NI", "phoneNumbers": ["+4954319090"], "greeting": "Stadt Quakenbrück, guten Tag"}
                """)).hasStatus(201);
        String base = "/api/v1/tenants/quakenbrueck/knowledge";
        MvcTestResult created = post(base + "/services", """
                {"title": "Hund anmelden", "catalogue": true, "leikaKey": "99049001000000",
                 "synonyms": ["Hundesteuer", "Hundemarke"], "body": "<p>Für Hunde zahlen Sie Steuer.</p>",
                 "forms": [{"title": "Anmeldung", "url": "https://example.org/hund.pdf"}], "fees": "60 EUR"}""");
        assertThat(created)
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.catalogue")
                .isEqualTo(true);
        String id = read(created, "$.id");
        assertThat(mvc.put()
                        .uri(base + "/services/" + id + "/override")
                        .with(httpBasic("betrieb", "ein-langes-passwort"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fees\": \"45 EUR (Quakenbrück)\", \"internalNotes\": \"Marken im Rathaus\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.fees")
                .isEqualTo("45 EUR (Quakenbrück)");
        MvcTestResult versions = mvc.get()
                .uri(base + "/services/" + id + "/versions")
                .with(httpBasic("betrieb", "ein-langes-passwort"))
                .exchange();
        assertThat(versions)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].layer")
                .asArray()
                .containsExactly("OVERRIDE", "ENTRY");
        assertThat(mvc.get()
                        .uri(base + "/services/" + id + "/diff?from=" + read(versions, "$[1].id") + "&to="
                                + read(versions, "$[0].id"))
                        .with(httpBasic("betrieb", "ein-langes-passwort")))
                .hasStatusOk();

        MvcTestResult imported = mvc.post()
                .uri(base + "/imports?format=dldb")
                .multipart()
                .file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "dldb.json", "application/json", """
                        {"data": [{"id": "4711", "name": "Gewerbe-Anmeldung", "description": "<p>Vorher anmelden.</p>",
                                   "leika": "99050012104000", "meta": {"keywords": "Gewerbeschein, Gewerbe"},
                                   "forms": [], "links": [], "fees": "<p>50 Euro</p>"}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .with(httpBasic("betrieb", "ein-langes-passwort"))
                .exchange();
        assertThat(imported)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.created")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from knowledge_version", Integer.class))
                .isEqualTo(3);
        // an imported record arrives for review like any change; the editors' list shows it, the export (what is
        // in force) does not yet
        assertThat(mvc.get().uri(base + "/services?state=IN_REVIEW").with(httpBasic("betrieb", "ein-langes-passwort")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].title")
                .asArray()
                .contains("Gewerbe-Anmeldung");
        assertThat(mvc.get().uri(base + "/export").with(httpBasic("betrieb", "ein-langes-passwort")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.services[*].title")
                .asArray()
                .doesNotContain("Gewerbe-Anmeldung");
    }

    /** telephony: agents, lines and the call-event log on PostgreSQL; a re-written event is not duplicated. */
    @Test
    void telephonyAgentsLinesAndCallEventsOnPostgres(@Autowired CallEventLog events) {
        assertThat(post("/api/v1/tenants", """
                {"slug": "fuerstenau", "name": "Stadt Fürstenau", "type": "CITY", "ags": "03459033",
                 "federalState": "NI", "phoneNumbers": ["+4954319990"], "greeting": "Guten Tag"}""")).hasStatus(201);
        assertThat(post("/api/v1/telephony/agents", """
                {"sipUser": "pg-agent", "password": "geheim", "displayName": "PG", "skills": [{"tenant": "fuerstenau",
                 "level": 2}]}""")).hasStatus(201);
        assertThat(mvc.put()
                        .uri("/api/v1/tenants/fuerstenau/telephony")
                        .with(httpBasic("betrieb", "ein-langes-passwort"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"name": "Fürstenau", "ringTimeoutSeconds": 15, "wrapUpSeconds": 5, "closedAction": "REDIRECT",
                 "redirectTarget": "+4954319999"}"""))
                .hasStatusOk();
        CallEvent event = new CallEvent(
                UUID.randomUUID(),
                events.lastSequence() + 1,
                "pg-call",
                UUID.randomUUID(),
                null,
                null,
                CallEventType.REJECTED_CLOSED,
                null,
                "480",
                Instant.parse("2026-11-25T08:00:00.123Z"));
        events.append(event);
        events.append(event);
        assertThat(events.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from call_event where call_id = 'pg-call'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                                "select occurred_at from call_event where call_id = 'pg-call'",
                                java.sql.Timestamp.class)
                        .toInstant())
                .isEqualTo(event.at());
    }

    @Test
    void privacyExportErasureAccessLogAndRetentionOnPostgres(
            @Autowired de.buergerservice.shared.privacy.RetentionScheduler retention) {
        assertThat(post("/api/v1/privacy/exports", "{\"phone\":\"+49 441 7777001\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.modules.telephony")
                .asArray()
                .isEmpty();
        assertThat(post("/api/v1/privacy/erasures", "{\"email\":\"niemand@example.org\"}"))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/access-log?access=EXPORT&from=2026-01-01")
                        .with(httpBasic("betrieb", "ein-langes-passwort")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].actor")
                .isEqualTo("betrieb");
        // every retention task's SQL runs on PostgreSQL (batched update/delete with order by and limit)
        assertThat(retention.runAll())
                .containsKeys(
                        "caller-number",
                        "contact-note",
                        "ticket-citizen",
                        "mail-body",
                        "search-log",
                        "audit-entry",
                        "access-log");
    }
}
