package de.buergerservice.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.shared.privacy.DataSubject;
import de.buergerservice.shared.privacy.RetentionPolicy;
import de.buergerservice.shared.privacy.RetentionScheduler;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.telephony.CallEventType;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.routing.CallEvent;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The data subject's rights (export and erasure of a phone number or e-mail address across telephony, contact and
 * back office; both audited), the access log (who read which contact or ticket; read only) and retention of every
 * data kind — with each rejection.
 */
@IntegrationTest
class PrivacyTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    de.buergerservice.telephony.internal.routing.Switchboard switchboard;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CallEventLog callEvents;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    RetentionScheduler retention;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    UUID oldenburg() {
        return tenants.findBySlug("oldenburg").orElseThrow().id();
    }

    /** A number no other test uses: +49 441 then 9 random digits. */
    static String freshNumber() {
        return "+49441" + (100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
    }

    UUID contact(String callerNumber, String citizenPhone, String email, Instant started) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(started);
        jdbc.update(
                "insert into contact (id, tenant_id, channel, call_id, caller_number, started_at, note, citizen_name,"
                        + " citizen_phone, citizen_email, state, version, created_at, updated_at)"
                        + " values (?, ?, 'PHONE', ?, ?, ?, 'Ruft wegen Wohngeld an', 'Erika Muster', ?, ?, 'OPEN', 0,"
                        + " ?, ?)",
                id,
                oldenburg(),
                "privacy-" + id,
                callerNumber,
                at,
                citizenPhone,
                email,
                at,
                at);
        return id;
    }

    UUID ticket(String phone, String email, Instant closedAt) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        UUID department = tenants.departmentsOf(oldenburg()).get(0).id();
        jdbc.update(
                "insert into backoffice_ticket (id, tenant_id, department_id, contact_id, kind, status, channel,"
                        + " citizen_name, phone, email, callback_window, handed_off_at, closed_at, version, created_at,"
                        + " updated_at) values (?, ?, ?, ?, 'CALLBACK', ?, 'PHONE', 'Erika Muster', ?, ?, 'vormittags',"
                        + " ?, ?, 0, ?, ?)",
                id,
                oldenburg(),
                department,
                UUID.randomUUID(),
                closedAt == null ? "NEW" : "CLOSED",
                phone,
                email,
                now,
                closedAt == null ? null : Timestamp.from(closedAt),
                now,
                now);
        return id;
    }

    UUID mail(String recipient, String status, Instant at) {
        UUID id = UUID.randomUUID();
        Timestamp t = Timestamp.from(at);
        jdbc.update(
                "insert into backoffice_outbox (id, tenant_id, purpose, message_id, sender, recipient, subject, body,"
                        + " status, attempts, next_attempt_at, sent_at, created_at) values (?, ?, 'ANSWER', ?,"
                        + " 'servicecenter@buergerservice.example', ?, 'Ihre Anfrage', 'Sehr geehrte Frau Muster',"
                        + " ?, 1, ?, ?, ?)",
                id,
                oldenburg(),
                "<" + id + "@test>",
                recipient,
                status,
                t,
                status.equals("SENT") ? t : null,
                t);
        return id;
    }

    void callEvent(String callerNumber, Instant at) {
        long sequence =
                callEvents.lastSequence() + 1_000 + ThreadLocalRandom.current().nextInt(1_000);
        callEvents.append(new CallEvent(
                UUID.randomUUID(),
                sequence,
                "privacy-call-" + UUID.randomUUID(),
                UUID.randomUUID(), // no municipality's: reporting's figures of the demo municipalities stay as they are
                null,
                null,
                CallEventType.CALL_OFFERED,
                null,
                null,
                at,
                null,
                callerNumber));
        // the switchboard numbers on after this test's own sequence, so the feed's readers skip no later event
        switchboard.recordPast(Math.toIntExact(Math.max(0, sequence - switchboard.lastSequence())), next -> {});
        assertThat(callEvents.flush(Duration.ofSeconds(30))).isTrue();
    }

    MvcTestResult post(String uri, String json, String user) {
        return mvc.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .with(httpBasic(user, "demo"))
                .exchange();
    }

    @Nested
    class ExportAndErasure {

        @Test
        void givenANumberStoredInEveryModule_thenExportFindsItAndErasureLeavesNothingButTheTiming() {
            String number = freshNumber();
            String national = "0" + number.substring(3);
            Instant now = Instant.now();
            callEvent(number, now);
            UUID contact = contact(number, null, null, now);
            UUID ticket = ticket(national, null, null); // typed by an agent in the national form

            MvcTestResult export =
                    post("/api/v1/privacy/exports", "{\"phone\":\"+49 441 " + number.substring(6) + "\"}", "admin");
            assertThat(export).hasStatusOk();
            String body = Responses.body(export);
            assertThat(body).contains(contact.toString(), ticket.toString(), "\"callerNumber\":\"" + number + "\"");
            assertThat((Integer) Responses.read(export, "$.modules.telephony.length()"))
                    .isEqualTo(1);
            assertThat((Integer) Responses.read(export, "$.modules.contact.length()"))
                    .isEqualTo(1);
            assertThat((Integer) Responses.read(export, "$.modules.backoffice.length()"))
                    .isEqualTo(1);

            MvcTestResult erased = post("/api/v1/privacy/erasures", "{\"phone\":\"" + national + "\"}", "admin");
            assertThat(erased).hasStatusOk();
            assertThat((Integer) Responses.read(erased, "$.modules.telephony")).isEqualTo(1);
            assertThat((Integer) Responses.read(erased, "$.modules.contact")).isEqualTo(1);
            assertThat((Integer) Responses.read(erased, "$.modules.backoffice")).isEqualTo(1);

            MvcTestResult after = post("/api/v1/privacy/exports", "{\"phone\":\"" + number + "\"}", "admin");
            assertThat(Responses.body(after)).doesNotContain(national, contact.toString(), ticket.toString());
            assertThat((Integer) Responses.read(after, "$.modules.telephony.length()"))
                    .isZero();
            assertThat((Integer) Responses.read(after, "$.modules.contact.length()"))
                    .isZero();
            assertThat((Integer) Responses.read(after, "$.modules.backoffice.length()"))
                    .isZero();
            // the contact stays for the KPIs, without the person
            assertThat(jdbc.queryForMap(
                            "select caller_number, note, citizen_name, started_at from contact where id = ?", contact))
                    .containsEntry("caller_number", null)
                    .containsEntry("note", null)
                    .containsEntry("citizen_name", null)
                    .extractingByKey("started_at")
                    .isNotNull();
            assertThat(jdbc.queryForObject(
                            "select count(*) from backoffice_ticket where id = ? and phone is null and citizen_name is null",
                            Integer.class,
                            ticket))
                    .isOne();

            // both requests are audited, without the number
            List<String> audited = jdbc.queryForList(
                    "select changes from audit_entry where entity_type in ('PrivacyExport', 'PrivacyErasure')"
                            + " and changes like ?",
                    String.class,
                    "%…" + number.substring(number.length() - 2) + "%");
            assertThat(audited).isNotEmpty().allSatisfy(changes -> assertThat(changes)
                    .doesNotContain(number.substring(3)));
            assertThat(jdbc.queryForObject(
                            "select count(*) from access_log where entity_type = 'PrivacyErasure' and actor = 'admin'"
                                    + " and access = 'ERASE'",
                            Integer.class))
                    .isPositive();
        }

        @Test
        void givenAnEmailAddress_thenTicketsAndMailsAreFoundAndAMailNotYetSentIsStopped() {
            String email = "erika." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            UUID ticket = ticket(null, email, null);
            UUID sent = mail(email, "SENT", Instant.now());
            UUID waiting = mail(email.toUpperCase(), "WAITING", Instant.now());

            MvcTestResult export =
                    post("/api/v1/privacy/exports", "{\"email\":\"" + email.toUpperCase() + "\"}", "admin");
            assertThat(export).hasStatusOk();
            assertThat(Responses.body(export)).contains(ticket.toString(), sent.toString(), waiting.toString());

            assertThat(post("/api/v1/privacy/erasures", "{\"email\":\"" + email + "\"}", "admin"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.modules.backoffice")
                    .isEqualTo(3);
            assertThat(jdbc.queryForMap("select status, body, recipient from backoffice_outbox where id = ?", waiting))
                    .containsEntry("status", "FAILED")
                    .containsEntry("body", "")
                    .containsEntry("recipient", "geloescht@anonymous.invalid");
        }

        @Test
        void givenAnInvalidNumber_thenProblemNamesTheFieldInGerman() {
            assertThat(post("/api/v1/privacy/exports", "{\"phone\":\"0441 abc\"}", "admin"))
                    .hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Bitte eine Telefonnummer aus Ziffern angeben, z. B. +49 441 12345.");
            assertThat(post("/api/v1/privacy/erasures", "{\"phone\":\"12\"}", "admin"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("phone");
        }

        @Test
        void givenAnInvalidEmail_thenRejected() {
            assertThat(post("/api/v1/privacy/exports", "{\"email\":\"erika(at)example\"}", "admin"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("email");
        }

        @Test
        void givenNeitherOrBoth_thenRejected() {
            assertThat(post("/api/v1/privacy/exports", "{}", "admin"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Bitte genau eines angeben: eine Telefonnummer oder eine E-Mail-Adresse.");
            assertThat(post("/api/v1/privacy/erasures", "{\"phone\":\"04411234\",\"email\":\"a@b.de\"}", "admin"))
                    .hasStatus(400);
        }

        @Test
        void givenNoAdministrator_thenForbiddenAndNothingErased() {
            String number = freshNumber();
            UUID contact = contact(number, null, null, Instant.now());
            for (String user : List.of("agent1", "supervisor", "artland-backoffice")) {
                assertThat(post("/api/v1/privacy/exports", "{\"phone\":\"" + number + "\"}", user))
                        .hasStatus(403);
                assertThat(post("/api/v1/privacy/erasures", "{\"phone\":\"" + number + "\"}", user))
                        .hasStatus(403);
            }
            assertThat(mvc.post()
                            .uri("/api/v1/privacy/erasures")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"phone\":\"" + number + "\"}")
                            .exchange()
                            .getResponse()
                            .getStatus())
                    .as("without login")
                    .isIn(401, 403);
            assertThat(jdbc.queryForObject("select caller_number from contact where id = ?", String.class, contact))
                    .isEqualTo(number);
        }

        @Test
        void adminPageShowsTheExportAndErases() {
            String number = freshNumber();
            UUID contact = contact(number, null, null, Instant.now());
            var admin = user(userDetails.loadUserByUsername("admin"));
            assertThat(mvc.get().uri("/admin/privacy").with(admin)).hasStatusOk();
            assertThat(mvc.post()
                            .uri("/admin/privacy/export")
                            .param("phone", number)
                            .with(admin)
                            .with(csrf()))
                    .hasStatusOk()
                    .bodyText()
                    .contains(contact.toString(), "Endgültig löschen");
            assertThat(mvc.post()
                            .uri("/admin/privacy/export")
                            .param("phone", "x")
                            .with(admin)
                            .with(csrf()))
                    .hasStatusOk()
                    .bodyText()
                    .contains("Bitte eine Telefonnummer aus Ziffern angeben");
            assertThat(mvc.post()
                            .uri("/admin/privacy/erase")
                            .param("phone", number)
                            .with(admin)
                            .with(csrf()))
                    .hasStatusOk()
                    .bodyText()
                    .contains("1 Datensätze gelöscht oder anonymisiert.");
            assertThat(mvc.get().uri("/admin/privacy").with(user(userDetails.loadUserByUsername("agent1"))))
                    .hasStatus(403);
        }

        @Test
        void numbersAreComparedInTheirInternationalAndNationalForms() {
            assertThat(DataSubject.phone("+49 (441) 123-45").variants())
                    .containsExactly("+4944112345", "004944112345", "044112345");
            assertThat(DataSubject.phone("0441 / 12345").variants())
                    .containsExactlyInAnyOrder("044112345", "+4944112345", "004944112345");
            assertThat(DataSubject.phone("+4944112345").masked()).isEqualTo("…45");
        }
    }

    @Nested
    class AccessLog {

        @Test
        void openingAContactOrTicketIsLoggedAndAdminsFindIt() {
            UUID contact = contact(freshNumber(), null, null, Instant.now());
            UUID ticket = ticket(freshNumber(), null, null);
            assertThat(mvc.get().uri("/api/v1/contacts/" + contact).with(httpBasic("supervisor", "demo")))
                    .hasStatusOk();
            assertThat(mvc.get().uri("/api/v1/tickets/" + ticket).with(httpBasic("admin", "demo")))
                    .hasStatusOk();

            assertThat(mvc.get()
                            .uri("/api/v1/access-log?entityType=Contact&entityId=" + contact + "&actor=supervisor")
                            .with(httpBasic("admin", "demo")))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.content[0].access")
                    .isEqualTo("READ");
            assertThat(mvc.get()
                            .uri("/api/v1/access-log?entityId=" + ticket + "&access=READ&from=2026-01-01&to=2099-12-31")
                            .with(httpBasic("admin", "demo")))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.page.totalElements")
                    .isEqualTo(1);
            assertThat(mvc.get()
                            .uri("/admin/access-log?entityId=" + ticket)
                            .with(user(userDetails.loadUserByUsername("admin"))))
                    .hasStatusOk()
                    .bodyText()
                    .contains("Zugriffsprotokoll", ticket.toString(), "gelesen");
        }

        @Test
        void givenNoAdministrator_thenForbidden() {
            assertThat(mvc.get().uri("/api/v1/access-log").with(httpBasic("supervisor", "demo")))
                    .hasStatus(403);
            assertThat(mvc.get().uri("/admin/access-log").with(user(userDetails.loadUserByUsername("agent1"))))
                    .hasStatus(403);
        }

        @Test
        void givenBadFilters_thenProblem() {
            assertThat(mvc.get()
                            .uri("/api/v1/access-log?from=2026-05-02&to=2026-05-01")
                            .with(httpBasic("admin", "demo")))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Das Ende des Zeitraums liegt vor seinem Anfang.");
            assertThat(mvc.get().uri("/api/v1/access-log?access=WRITE").with(httpBasic("admin", "demo")))
                    .hasStatus(400);
            assertThat(mvc.get().uri("/api/v1/access-log?from=gestern").with(httpBasic("admin", "demo")))
                    .hasStatus(400);
        }

        @Test
        void theLogCannotBeChangedThroughTheProduct() throws IOException {
            // no endpoint but GET
            mappings.getHandlerMethods().forEach((info, method) -> {
                boolean accessLog = info.getPatternValues().stream().anyMatch(p -> p.contains("access-log"));
                if (accessLog) {
                    assertThat(info.getMethodsCondition().getMethods()).containsOnly(RequestMethod.GET);
                }
            });
            for (var request : List.of(
                    mvc.put().uri("/api/v1/access-log"),
                    mvc.delete().uri("/api/v1/access-log"),
                    mvc.post().uri("/api/v1/access-log"))) {
                assertThat(request.with(httpBasic("admin", "demo"))).hasStatus(405);
            }
            // and no code path that updates a line; deleting is the retention's alone
            try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
                List<Path> writers = sources.filter(Files::isRegularFile)
                        .filter(p -> read(p).toLowerCase().matches("(?s).*(update|delete from)\\s+access_log.*"))
                        .toList();
                assertThat(writers).extracting(p -> p.getFileName().toString()).containsExactly("AccessLogBook.java");
            }
            assertThat(read(Path.of("src/main/java/de/buergerservice/identity/internal/AccessLogBook.java"))
                            .toLowerCase())
                    .doesNotContain("update access_log");
        }

        static String read(Path p) {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                return "";
            }
        }
    }

    @Nested
    class Retention {

        @Test
        void everyKindIsAnonymisedOrDeletedWhenDueAndOnlyThen() {
            Instant old = Instant.now().minus(Duration.ofDays(400));
            Instant recent = Instant.now().minus(Duration.ofDays(10));
            String oldNumber = freshNumber();
            String recentNumber = freshNumber();
            callEvent(oldNumber, old);
            callEvent(recentNumber, recent);
            UUID oldContact = contact(oldNumber, oldNumber, "alt@example.org", old);
            UUID recentContact = contact(recentNumber, null, null, recent);
            UUID closedLongAgo = ticket(oldNumber, null, old);
            UUID stillOpen = ticket(oldNumber, null, null);
            UUID oldMail = mail("alt@example.org", "SENT", old);
            UUID waitingMail = mail("alt@example.org", "WAITING", old);
            UUID oldAudit = UUID.randomUUID();
            jdbc.update(
                    "insert into audit_entry (id, occurred_at, actor, entity_type, entity_id, action, changes)"
                            + " values (?, ?, 'admin', 'Tenant', ?, 'UPDATED', '{}')",
                    oldAudit,
                    Timestamp.from(Instant.now().minus(Duration.ofDays(4 * 365))),
                    UUID.randomUUID());
            UUID oldAccess = UUID.randomUUID();
            jdbc.update(
                    "insert into access_log (id, occurred_at, actor, entity_type, access) values (?, ?, 'admin',"
                            + " 'Contact', 'READ')",
                    oldAccess,
                    Timestamp.from(Instant.now().minus(Duration.ofDays(3 * 365))));
            jdbc.update(
                    "insert into knowledge_search_log (tenant_id, query, audience, hits, searched_at) values (?,"
                            + " 'privacy-retention-test', 'CITIZEN', 0, ?)",
                    oldenburg(),
                    Timestamp.from(old));

            var counts = retention.runAll();
            assertThat(counts)
                    .containsKeys(
                            "caller-number",
                            "contact-note",
                            "ticket-citizen",
                            "mail-body",
                            "search-log",
                            "audit-entry",
                            "access-log");

            assertThat(count("call_event where caller_number = ?", oldNumber)).isZero();
            assertThat(count("call_event where caller_number = ?", recentNumber))
                    .isOne();
            assertThat(count(
                            "contact where id = ? and caller_number is null and note is null"
                                    + " and citizen_email is null and citizen_phone is null",
                            oldContact))
                    .isOne();
            assertThat(count(
                            "contact where id = ? and caller_number = ? and note is not null",
                            recentContact,
                            recentNumber))
                    .isOne();
            assertThat(count(
                            "backoffice_ticket where id = ? and phone is null and citizen_name is null", closedLongAgo))
                    .isOne();
            assertThat(count("backoffice_ticket where id = ? and phone = ?", stillOpen, oldNumber))
                    .isOne();
            assertThat(count("backoffice_outbox where id = ? and body = ''", oldMail))
                    .isOne();
            assertThat(count("backoffice_outbox where id = ? and body <> ''", waitingMail))
                    .isOne();
            assertThat(count("audit_entry where id = ?", oldAudit)).isZero();
            assertThat(count("access_log where id = ?", oldAccess)).isZero();
            assertThat(count("knowledge_search_log where query = 'privacy-retention-test'"))
                    .isZero();

            // idempotent: a second run finds nothing of it
            assertThat(retention.runAll().values()).allMatch(n -> n == 0);
        }

        @Test
        void givenAPeriodOfZero_thenTheJobRefusesToRun() {
            var policy = new RetentionPolicy(
                    new MockEnvironment().withProperty("buergerservice.retention.caller-number", "0d"));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> policy.period("caller-number", Duration.ofDays(90)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("buergerservice.retention.caller-number must be longer than zero");
            var configured = new RetentionPolicy(
                    new MockEnvironment().withProperty("buergerservice.retention.caller-number", "30d"));
            assertThat(configured.period("caller-number", Duration.ofDays(90))).isEqualTo(Duration.ofDays(30));
            assertThat(configured.period("contact-note", Duration.ofDays(180))).isEqualTo(Duration.ofDays(180));
        }

        @Test
        void givenInputThatIsNoSubject_thenInvalidField() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataSubject.of(" ", null))
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessageContaining("privacy.subject.missing");
        }

        int count(String from, Object... args) {
            Integer n = jdbc.queryForObject("select count(*) from " + from, Integer.class, args);
            return n == null ? 0 : n;
        }
    }
}
