package de.buergerservice.backoffice;

import static de.buergerservice.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.IntegrationTest;
import de.buergerservice.backoffice.internal.Escalations;
import de.buergerservice.contact.ContactHandedOff;
import de.buergerservice.contact.HandOffKind;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The deadline a ticket gets comes from the municipality's cooperation agreement (in service hours, the property only
 * where no agreement is in force); escalations go to the department's lead; a back-office user with departments sees
 * only their inbox, while the municipality's central back office and the ServiceCenter see all of it.
 */
@IntegrationTest
class AgreedDeadlineAndDepartmentInboxTests {

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

    @Autowired
    UserDetailsService accounts;

    HandOffs handOffs() {
        return new HandOffs(events, transactions, jdbc, tenants);
    }

    static Instant berlin(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BERLIN).toInstant();
    }

    MvcTestResult post(String uri, String user, String json) {
        return mvc.post()
                .uri(uri)
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    MvcTestResult get(String uri, String user) {
        return mvc.get().uri(uri).with(httpBasic(user, "demo")).exchange();
    }

    String serviceCenterId() {
        return JsonPath.read(body(get("/api/v1/service-centers", "admin")), "$[0].id");
    }

    /** A municipality of its own (open Monday to Friday 8–16), so no other test's data changes its deadline. */
    synchronized void fristhausen() {
        if (tenants.findBySlug("fristhausen").isPresent()) {
            return;
        }
        String week = "{\"opens\": \"08:00\", \"closes\": \"16:00\"}";
        assertThat(post("/api/v1/tenants", "admin", """
                        {"slug": "fristhausen", "name": "Gemeinde Fristhausen", "type": "MUNICIPALITY",
                         "ags": "03459081", "federalState": "NI", "phoneNumbers": ["+4954389081"],
                         "greeting": "Gemeinde Fristhausen, guten Tag",
                         "openingHours": {"weekly": {"MONDAY": [%1$s], "TUESDAY": [%1$s], "WEDNESDAY": [%1$s],
                                          "THURSDAY": [%1$s], "FRIDAY": [%1$s]}, "exceptions": []}}
                        """.formatted(week))).hasStatus(201);
        assertThat(post("/api/v1/tenants/fristhausen/departments", "admin", """
                        {"name": "Ordnungsamt", "email": "ordnungsamt@fristhausen.example", "phoneExtension": "20",
                         "topics": ["Fundsachen"], "leadEmail": "leitung.ordnung@fristhausen.example"}
                        """))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.leadEmail")
                .isEqualTo("leitung.ordnung@fristhausen.example");
        assertThat(post("/api/v1/agreements", "admin", agreement("2026-01-01", "8")))
                .hasStatus(201);
    }

    String agreement(String startDate, String callbackDeadlineHours) {
        return """
                {"serviceCenterId": "%s", "clientTenant": "fristhausen", "channels": ["PHONE"],
                 "startDate": "%s", "serviceLevelTarget": {"percent": 80, "withinSeconds": 20},
                 "targetAverageWaitSeconds": 20, "targetFirstContactResolutionPercent": 65,
                 "pricePerContact": 1.50, "status": "ACTIVE", "callbackDeadlineHours": %s}
                """.formatted(serviceCenterId(), startDate, callbackDeadlineHours);
    }

    Instant dueAt(UUID ticket) {
        return jdbc.queryForObject(
                        "select due_at from backoffice_ticket where id = ?", java.sql.Timestamp.class, ticket)
                .toInstant();
    }

    @Nested
    class Deadline {

        @Test
        void givenAnAgreementWith8ServiceHours_thenTheTicketIsDueAfter8OpeningHours() {
            fristhausen();
            // Friday 20 November 2026, 12:00: 4 h on Friday, the weekend does not count, 4 h on Monday
            ContactHandedOff handOff = handOffs()
                    .handOff("fristhausen", "Ordnungsamt", HandOffKind.CALLBACK, null, berlin(2026, 11, 20, 12, 0));
            assertThat(dueAt(handOffs().publish(handOff))).isEqualTo(berlin(2026, 11, 23, 12, 0));
        }

        @Test
        void givenNoAgreementInForceOnTheDay_thenThePropertysDefaultOf24ServiceHours() {
            fristhausen();
            // Friday 20 November 2025 is before the agreement: 24 h = Friday 4 h, Monday 8, Tuesday 8, Wednesday 4
            ContactHandedOff handOff = handOffs()
                    .handOff("fristhausen", "Ordnungsamt", HandOffKind.CALLBACK, null, berlin(2025, 11, 21, 12, 0));
            assertThat(dueAt(handOffs().publish(handOff))).isEqualTo(berlin(2025, 11, 26, 12, 0));
        }

        @Test
        void givenTheDemoAgreementOfArtland_thenItCarriesThe115PromiseOf24ServiceHours() {
            assertThat(get("/api/v1/tenants/artland/agreements", "admin"))
                    .bodyJson()
                    .extractingPath("$[?(@.startDate == '2010-11-01')].callbackDeadlineHours")
                    .isEqualTo(List.of(24));
        }

        @Test
        void givenADeadlineOfZeroOrAboveAMonthOfServiceHours_thenRejectedAtTheField() {
            fristhausen();
            for (String hours : List.of("0", "721")) {
                MvcTestResult result = post("/api/v1/agreements", "admin", agreement("2027-03-01", hours));
                assertThat(result)
                        .hasStatus(400)
                        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .bodyJson()
                        .extractingPath("$.errors[0].field")
                        .isEqualTo("callbackDeadlineHours");
                assertThat(result)
                        .bodyJson()
                        .extractingPath("$.errors[0].message")
                        .isEqualTo("Die Frist liegt zwischen 1 und 720 Servicestunden.");
            }
        }
    }

    @Nested
    class Escalation {

        @Test
        void givenAnOverdueTicket_thenTheMailGoesToTheDepartmentLeadAndTheSupervisors_notTheMailbox() {
            fristhausen();
            UUID ticket = handOffs()
                    .publish(handOffs()
                            .handOff(
                                    "fristhausen",
                                    "Ordnungsamt",
                                    HandOffKind.CALLBACK,
                                    null,
                                    berlin(2026, 3, 2, 9, 0)));
            assertThat(escalations.run()).isPositive();
            assertThat(jdbc.queryForList(
                            "select recipient from backoffice_outbox where ticket_id = ? and purpose = 'ESCALATION'",
                            String.class,
                            ticket))
                    .containsExactlyInAnyOrder("leitung.ordnung@fristhausen.example", "supervisor@oldenburg.example");
        }

        @Test
        void givenAnInvalidLeadAddress_thenRejectedWithAGermanMessage() {
            fristhausen();
            MvcTestResult result = post("/api/v1/tenants/fristhausen/departments", "admin", """
                    {"name": "Bauamt", "email": "bauamt@fristhausen.example", "leadEmail": "keine-adresse"}
                    """);
            assertThat(result)
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("leadEmail");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Bitte eine gültige E-Mail-Adresse der Fachbereichsleitung angeben.");
        }
    }

    @Nested
    class DepartmentInbox {

        @Test
        void givenABackOfficeUserOfTheBauamt_thenTheyNeverSeeTheOrdnungsamtsTickets() {
            UUID ordnungsamt = handOffs()
                    .publish(handOffs().handOff("artland", "Ordnungsamt", HandOffKind.CALLBACK, null, Instant.now()));
            UUID bauamt = handOffs()
                    .publish(handOffs().handOff("artland", "Bauamt", HandOffKind.CALLBACK, null, Instant.now()));

            assertThat(get("/api/v1/tickets/" + ordnungsamt, "artland-bauamt")).hasStatus(404);
            assertThat(post("/api/v1/tickets/" + ordnungsamt + "/take", "artland-bauamt", "{}"))
                    .hasStatus(404);
            assertThat(get("/api/v1/tickets/" + bauamt, "artland-bauamt")).hasStatusOk();
            String list = body(get("/api/v1/tickets?tenant=artland", "artland-bauamt"));
            assertThat(list).contains(bauamt.toString()).doesNotContain(ordnungsamt.toString());
            assertThat(body(mvc.get()
                            .uri("/backoffice")
                            .with(user(accounts.loadUserByUsername("artland-bauamt")))
                            .exchange()))
                    .contains(bauamt.toString())
                    .doesNotContain(ordnungsamt.toString());
        }

        @Test
        void givenTheCentralBackOfficeAndTheSupervisor_thenTheySeeEveryDepartmentOfTheirMunicipality() {
            UUID ordnungsamt = handOffs()
                    .publish(handOffs().handOff("artland", "Ordnungsamt", HandOffKind.CALLBACK, null, Instant.now()));
            UUID bauamt = handOffs()
                    .publish(handOffs().handOff("artland", "Bauamt", HandOffKind.CALLBACK, null, Instant.now()));
            for (String user : List.of("artland-backoffice", "supervisor", "admin")) {
                assertThat(body(get("/api/v1/tickets?tenant=artland", user)))
                        .as(user)
                        .contains(ordnungsamt.toString(), bauamt.toString());
            }
            assertThat(get("/api/v1/tickets/" + bauamt, "oldenburg-backoffice")).hasStatus(404);
        }

        @Test
        void givenATicketForwardedToTheBauamt_thenItIsInTheBauamtsInbox() {
            UUID ticket = handOffs()
                    .publish(handOffs().handOff("artland", "Ordnungsamt", HandOffKind.CALLBACK, null, Instant.now()));
            UUID bauamt = handOffs().department("artland", "Bauamt").id();
            assertThat(post(
                            "/api/v1/tickets/" + ticket + "/forward",
                            "artland-backoffice",
                            "{\"departmentId\": \"" + bauamt + "\", \"note\": \"Baugenehmigung\"}"))
                    .hasStatusOk();
            assertThat(get("/api/v1/tickets/" + ticket, "artland-bauamt")).hasStatusOk();
        }
    }
}
