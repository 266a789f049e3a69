package de.buergerservice.backoffice;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.IntegrationTest;
import de.buergerservice.backoffice.internal.Escalations;
import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Tickets from hand-offs (published in a transaction, as the contact module does), their deadline in service
 * hours, the REST API's steps with their history and mails, escalation exactly once, and tenant isolation.
 */
@IntegrationTest
class TicketTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    Escalations escalations;

    HandOffs handOffs;

    @BeforeEach
    void setUp() {
        handOffs = new HandOffs(events, transactions, jdbc, tenants);
    }

    static Instant berlin(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BERLIN).toInstant();
    }

    MvcTestResult get(String uri, String user) {
        return mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
    }

    MvcTestResult post(String uri, String user, String json) {
        return mvc.post()
                .uri(uri)
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    UUID recentTicket(HandOffKind kind, String email) {
        return handOffs.publish(handOffs.handOff("artland", "Ordnungsamt", kind, email, Instant.now()));
    }

    List<Map<String, Object>> outbox(UUID ticket) {
        return jdbc.queryForList(
                "select purpose, recipient, subject, body, status from backoffice_outbox where ticket_id = ?"
                        + " order by created_at",
                ticket);
    }

    @Nested
    class FromHandOff {

        @Test
        void givenAHandOff_thenTheDepartmentHasATicketDue24ServiceHoursLater_andAMailInTheOutbox() {
            // Thursday 30 October 2025, 16:00; Friday the 31st is Reformation Day, a holiday in Lower Saxony:
            // Thursday 1 h, Monday 9 h, Tuesday 9 h, Wednesday 8–13 (5 h)
            ContactHandedOff handOff =
                    handOffs.handOff("artland", "Ordnungsamt", HandOffKind.CALLBACK, null, berlin(2025, 10, 30, 16, 0));
            UUID ticket = handOffs.publish(handOff);

            Map<String, Object> row = jdbc.queryForMap("select * from backoffice_ticket where id = ?", ticket);
            assertThat(jdbc.queryForObject(
                                    "select due_at from backoffice_ticket where id = ?",
                                    java.sql.Timestamp.class,
                                    ticket)
                            .toInstant())
                    .isEqualTo(berlin(2025, 11, 5, 13, 0));
            assertThat(row.get("status")).isEqualTo("NEW");
            assertThat(row.get("department_id")).isEqualTo(handOff.departmentId());

            List<Map<String, Object>> mails = outbox(ticket);
            assertThat(mails).singleElement().satisfies(mail -> {
                assertThat(mail.get("purpose")).isEqualTo("NEW_TICKET");
                assertThat(mail.get("recipient")).isEqualTo("ordnungsamt@artland.example");
                assertThat(mail.get("subject")).asString().contains("Ordnungsamt", "Geldbörse im Bus verloren");
                assertThat(mail.get("body"))
                        .asString()
                        .contains("Samtgemeinde Artland", "Erika Mustermann", "Mittwoch, 05.11.2025, 13:00 Uhr");
                // the embedded default has no SMTP server: the mail waits in the outbox
                assertThat(mail.get("status")).isEqualTo("WAITING");
            });
        }

        @Test
        void givenTheSameHandOffTwice_thenThereIsOneTicket() {
            ContactHandedOff handOff =
                    handOffs.handOff("artland", "Ordnungsamt", HandOffKind.CALLBACK, null, Instant.now());
            UUID first = handOffs.publish(handOff);
            transactions.executeWithoutResult(status -> events.publishEvent(handOff));
            // the second delivery is processed like the first; wait until the registry has completed it
            awaitNoIncompletePublications();
            assertThat(jdbc.queryForObject(
                            "select count(*) from backoffice_ticket where contact_id = ?",
                            Integer.class,
                            handOff.contactId()))
                    .isOne();
            assertThat(outbox(first)).hasSize(1);
        }

        @Test
        void givenNoDepartment_thenTheMunicipalitysFirstDepartmentGetsIt() {
            ContactHandedOff chosen =
                    handOffs.handOff("artland", "Ordnungsamt", HandOffKind.CALLBACK, null, Instant.now());
            ContactHandedOff none = new ContactHandedOff(
                    chosen.contactId(),
                    chosen.tenantId(),
                    chosen.channel(),
                    null,
                    chosen.kind(),
                    null,
                    chosen.category(),
                    chosen.concern(),
                    chosen.note(),
                    chosen.citizenName(),
                    chosen.phone(),
                    chosen.email(),
                    chosen.callbackWindow(),
                    null,
                    chosen.at());
            UUID ticket = handOffs.publish(none);
            assertThat(jdbc.queryForObject(
                            "select department_id from backoffice_ticket where id = ?", UUID.class, ticket))
                    .isEqualTo(tenants.departmentsOf(chosen.tenantId()).get(0).id());
        }

        void awaitNoIncompletePublications() {
            Instant until = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(until)) {
                Integer open = jdbc.queryForObject(
                        "select count(*) from event_publication where completion_date is null", Integer.class);
                if (open == 0) {
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new AssertionError("event publications still incomplete");
        }
    }

    @Nested
    class Api {

        @Test
        void givenTheBackOfficeOfTheMunicipality_thenItSeesTheTicketInItsInbox() {
            UUID ticket = recentTicket(HandOffKind.CALLBACK, null);
            MvcTestResult list = get("/api/v1/tickets?tenant=artland&status=NEW", "artland-backoffice");
            assertThat(list).hasStatusOk();
            assertThat(body(list)).contains(ticket.toString(), "\"tenant\":\"artland\"", "\"kind\":\"CALLBACK\"");

            MvcTestResult one = get("/api/v1/tickets/" + ticket, "artland-backoffice");
            assertThat(one).hasStatusOk();
            assertThat(one)
                    .bodyJson()
                    .hasPathSatisfying("$.dueAt", v -> assertThat(v).isNotNull())
                    .hasPathSatisfying("$.contactId", v -> assertThat(v).isNotNull())
                    .hasPathSatisfying(
                            "$.history[0].action", v -> assertThat(v).asString().isEqualTo("CREATED"));
        }

        @Test
        void givenAnotherMunicipalitysBackOffice_thenTheTicketIsNotFound_andNotListed() {
            UUID ticket = recentTicket(HandOffKind.CALLBACK, null);
            assertThat(get("/api/v1/tickets/" + ticket, "oldenburg-backoffice")).hasStatus(404);
            assertThat(post("/api/v1/tickets/" + ticket + "/take", "oldenburg-backoffice", "{}"))
                    .hasStatus(404);
            assertThat(body(get("/api/v1/tickets", "oldenburg-backoffice"))).doesNotContain(ticket.toString());
            assertThat(get("/api/v1/tickets?tenant=artland", "oldenburg-backoffice"))
                    .hasStatus(404);
        }

        @Test
        void givenTheSteps_thenEachIsInTheHistory_andTheAnswerGoesToTheCitizen() {
            UUID ticket = recentTicket(HandOffKind.ANSWER_BY_MAIL, "erika@example.org");
            String uri = "/api/v1/tickets/" + ticket;
            assertThat(post(uri + "/take", "artland-backoffice", "{}"))
                    .bodyJson()
                    .hasPathSatisfying("$.status", v -> assertThat(v).asString().isEqualTo("IN_PROGRESS"))
                    .hasPathSatisfying(
                            "$.assignee", v -> assertThat(v).asString().isEqualTo("artland-backoffice"));
            assertThat(post(
                            uri + "/callback",
                            "artland-backoffice",
                            "{\"reached\": false, \"result\": \"Mailbox, keine Nachricht\"}"))
                    .hasStatusOk();
            String bauamt = handOffs.department("artland", "Bauamt").id().toString();
            assertThat(post(
                            uri + "/forward",
                            "artland-backoffice",
                            "{\"departmentId\": \"" + bauamt + "\", \"note\": \"Fundsache im Bauhof\"}"))
                    .bodyJson()
                    .hasPathSatisfying(
                            "$.department", v -> assertThat(v).asString().isEqualTo(bauamt))
                    .hasPathSatisfying("$.status", v -> assertThat(v).asString().isEqualTo("NEW"));
            MvcTestResult answered = post(
                    uri + "/answer",
                    "artland-backoffice",
                    "{\"text\": \"Ihre Geldbörse wurde abgegeben. Sie können sie im Bauhof abholen.\"}");
            assertThat(answered)
                    .bodyJson()
                    .hasPathSatisfying("$.status", v -> assertThat(v).asString().isEqualTo("CLOSED"));
            assertThat(body(answered))
                    .contains(
                            "CREATED",
                            "TAKEN",
                            "CALLBACK_NOT_REACHED",
                            "FORWARDED",
                            "ANSWERED",
                            "Ordnungsamt → Bauamt");

            List<Map<String, Object>> mails = outbox(ticket);
            assertThat(mails).extracting(m -> m.get("purpose")).containsExactly("NEW_TICKET", "NEW_TICKET", "ANSWER");
            assertThat(mails.get(1).get("recipient")).isEqualTo("bauamt@artland.example");
            assertThat(mails.get(2).get("recipient")).isEqualTo("erika@example.org");
            assertThat(mails.get(2).get("body"))
                    .asString()
                    .contains(
                            "Guten Tag Erika Mustermann,",
                            "Sie können sie im Bauhof abholen.",
                            "Ihr ServiceCenter für Samtgemeinde Artland",
                            "Montag: 08:00–17:00",
                            "Freitag: 08:00–13:00");

            // done is done: a further step is a conflict
            MvcTestResult again = post(uri + "/close", "artland-backoffice", "{\"result\": \"noch einmal\"}");
            assertThat(again).hasStatus(409);
            assertThat(body(again)).contains("schon erledigt");
        }

        @Test
        void givenOldenburg_thenItsOwnAnswerTemplateIsUsed() {
            UUID ticket = handOffs.publish(handOffs.handOff(
                    "oldenburg", "Ordnungsamt", HandOffKind.ANSWER_BY_MAIL, "erika@example.org", Instant.now()));
            assertThat(post(
                            "/api/v1/tickets/" + ticket + "/answer",
                            "oldenburg-backoffice",
                            "{\"text\": \"Die Fundsache liegt im Fundbüro.\"}"))
                    .hasStatusOk();
            assertThat(outbox(ticket).get(1).get("body"))
                    .asString()
                    .contains(
                            "Sehr geehrte/r Erika Mustermann,", "vielen Dank für Ihre Anfrage an die Stadt Oldenburg");
        }

        @Test
        void givenACloseAndACallbackReached_thenTheResultIsKept() {
            UUID first = recentTicket(HandOffKind.CALLBACK, null);
            assertThat(post("/api/v1/tickets/" + first + "/close", "artland-backoffice", "{\"result\": \"erledigt\"}"))
                    .bodyJson()
                    .hasPathSatisfying("$.result", v -> assertThat(v).asString().isEqualTo("erledigt"));
            UUID second = recentTicket(HandOffKind.CALLBACK, null);
            assertThat(post(
                            "/api/v1/tickets/" + second + "/callback",
                            "artland-backoffice",
                            "{\"reached\": true, \"result\": \"Auskunft gegeben\"}"))
                    .bodyJson()
                    .hasPathSatisfying("$.status", v -> assertThat(v).asString().isEqualTo("CLOSED"));
        }

        @Test
        void givenReturnToTheServiceCenter_thenTheTicketLeavesTheInbox() {
            UUID ticket = recentTicket(HandOffKind.CALLBACK, null);
            assertThat(post(
                            "/api/v1/tickets/" + ticket + "/return",
                            "artland-backoffice",
                            "{\"note\": \"Bitte Termin im Bürgerbüro anbieten\"}"))
                    .bodyJson()
                    .hasPathSatisfying("$.status", v -> assertThat(v).asString().isEqualTo("RETURNED"));
            assertThat(body(get("/api/v1/tickets?tenant=artland&due=new", "artland-backoffice")))
                    .doesNotContain(ticket.toString());
        }
    }

    @Nested
    class Rejections {

        @Test
        void givenAnAnswerWithoutAnAddress_thenItIsRefusedAtTheText() {
            UUID ticket = recentTicket(HandOffKind.CALLBACK, null);
            MvcTestResult result =
                    post("/api/v1/tickets/" + ticket + "/answer", "artland-backoffice", "{\"text\": \"Antwort\"}");
            assertThat(result).hasStatus(400);
            assertThat(body(result)).contains("\"text\"", "keine E-Mail-Adresse");
        }

        @Test
        void givenAnEmptyAnswer_thenItIsRefused() {
            UUID ticket = recentTicket(HandOffKind.ANSWER_BY_MAIL, "erika@example.org");
            MvcTestResult result = post("/api/v1/tickets/" + ticket + "/answer", "artland-backoffice", "{}");
            assertThat(result).hasStatus(400);
            assertThat(body(result)).contains("\"text\"");
        }

        @Test
        void givenAForwardToAnotherMunicipalitysDepartment_thenItIsRefused() {
            UUID ticket = recentTicket(HandOffKind.CALLBACK, null);
            String oldenburgs =
                    handOffs.department("oldenburg", "Standesamt").id().toString();
            MvcTestResult result = post(
                    "/api/v1/tickets/" + ticket + "/forward",
                    "artland-backoffice",
                    "{\"departmentId\": \"" + oldenburgs + "\"}");
            assertThat(result).hasStatus(400);
            assertThat(body(result))
                    .contains("\"departmentId\"", "Diesen Fachbereich gibt es bei dieser Kommune nicht");
        }

        @Test
        void givenAForwardToTheSameDepartment_thenItIsRefused() {
            UUID ticket = recentTicket(HandOffKind.CALLBACK, null);
            String same = handOffs.department("artland", "Ordnungsamt").id().toString();
            MvcTestResult result = post(
                    "/api/v1/tickets/" + ticket + "/forward",
                    "artland-backoffice",
                    "{\"departmentId\": \"" + same + "\"}");
            assertThat(result).hasStatus(400);
            assertThat(body(result)).contains("schon bei diesem Fachbereich");
        }

        @Test
        void givenACallbackWithoutResult_thenItIsRefused() {
            UUID ticket = recentTicket(HandOffKind.CALLBACK, null);
            MvcTestResult result =
                    post("/api/v1/tickets/" + ticket + "/callback", "artland-backoffice", "{\"reached\": true}");
            assertThat(result).hasStatus(400);
            assertThat(body(result)).contains("\"result\"");
        }

        @Test
        void givenAnUnknownDueView_thenItIsRefused() {
            MvcTestResult result = get("/api/v1/tickets?due=gestern", "artland-backoffice");
            assertThat(result).hasStatus(400);
            assertThat(body(result)).contains("\"due\"", "„gestern“ ist keine Ansicht");
        }

        @Test
        void givenAnUnknownStatus_thenItIsRefused() {
            MvcTestResult result = get("/api/v1/tickets?status=OFFEN", "artland-backoffice");
            assertThat(result).hasStatus(400);
            assertThat(body(result)).contains("\"status\"", "„OFFEN“ ist kein Stand");
        }

        @Test
        void givenManagement_thenItMayReadButNotWork() {
            UUID ticket = recentTicket(HandOffKind.CALLBACK, null);
            assertThat(get("/api/v1/tickets/" + ticket, "artland-management")).hasStatusOk();
            assertThat(post("/api/v1/tickets/" + ticket + "/take", "artland-management", "{}"))
                    .hasStatus(403);
        }

        @Test
        void givenAnEditor_thenTicketsAreNotTheirs() {
            assertThat(get("/api/v1/tickets", "editor")).hasStatus(403);
        }
    }

    @Nested
    class Escalation {

        @Test
        void givenAnOverdueTicket_thenItIsEscalatedOnce_toTheDepartmentLeadAndTheSupervisors() {
            UUID ticket = handOffs.publish(handOffs.handOff(
                    "artland", "Ordnungsamt", HandOffKind.CALLBACK, null, berlin(2025, 10, 30, 16, 0)));
            assertThat(escalations.run()).isPositive();
            assertThat(escalations.run()).isZero();

            List<Map<String, Object>> escalationMails = outbox(ticket).stream()
                    .filter(m -> m.get("purpose").equals("ESCALATION"))
                    .toList();
            assertThat(escalationMails)
                    .extracting(m -> m.get("recipient"))
                    .containsExactlyInAnyOrder("leitung.ordnungsamt@artland.example", "supervisor@oldenburg.example");
            assertThat(escalationMails.get(0).get("subject")).asString().startsWith("Frist überschritten");
            assertThat(jdbc.queryForObject(
                            "select count(*) from backoffice_ticket_step where ticket_id = ? and action = 'ESCALATED'",
                            Integer.class,
                            ticket))
                    .isOne();
            assertThat(get("/api/v1/tickets/" + ticket, "artland-backoffice"))
                    .bodyJson()
                    .hasPathSatisfying("$.overdue", v -> assertThat(v).isEqualTo(true))
                    .hasPathSatisfying("$.escalated", v -> assertThat(v).isEqualTo(true));
            assertThat(body(get("/api/v1/tickets?tenant=artland&due=overdue", "artland-backoffice")))
                    .contains(ticket.toString());
        }

        @Test
        void givenAClosedOverdueTicket_thenItIsNotEscalated() {
            UUID ticket = handOffs.publish(handOffs.handOff(
                    "artland", "Ordnungsamt", HandOffKind.CALLBACK, null, berlin(2025, 10, 30, 16, 0)));
            assertThat(post("/api/v1/tickets/" + ticket + "/close", "artland-backoffice", "{\"result\": \"erledigt\"}"))
                    .hasStatusOk();
            escalations.run();
            assertThat(outbox(ticket)).extracting(m -> m.get("purpose")).doesNotContain("ESCALATION");
        }
    }
}
