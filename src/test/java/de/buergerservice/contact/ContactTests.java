package de.buergerservice.contact;

import static de.buergerservice.Responses.body;
import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.contact.internal.CallEventConsumer;
import de.buergerservice.contact.internal.DeskCall;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventFeed;
import de.buergerservice.telephony.CallEventRecord;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Contacts made from calls through the real routing core, call-event log and feed, and documented through the
 * REST API with the real security: one contact per answered call, none for abandoned ones, no duplicate when
 * events are applied again, transfers, required fields, the wrap-up, earlier contacts of a number, the events
 * for other modules, and that a municipality's users see only their own contacts.
 */
@ContactTest
class ContactTests {

    static final String CALLER = "+4954319876543";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Calls calls;

    @Autowired
    CallEventFeed feed;

    @Autowired
    CallEventConsumer consumer;

    @Autowired
    KnowledgeCatalog knowledge;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    ContactIntake intake;

    @Autowired
    ContactOutcomes outcomes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    List<String> open = new ArrayList<>();

    @BeforeEach
    void agent1TakesCalls() {
        calls.agent1Ready();
    }

    @AfterEach
    void hangUp() {
        open.forEach(calls.switchboard::ended);
        open.clear();
        calls.wrapUp("artland", 10);
        calls.applied();
        calls.switchboard.requestState(calls.agent("agent1"), AgentState.AVAILABLE, null);
    }

    TenantInfo artland() {
        return tenants.findBySlug("artland").orElseThrow();
    }

    ServiceView idCard() {
        return knowledge.list(artland().id(), Audience.STAFF).stream()
                .filter(s -> s.title().contains("Personalausweis"))
                .findFirst()
                .orElseThrow();
    }

    String answered(String number) {
        String callId = calls.answered("artland", number);
        open.add(callId);
        return callId;
    }

    void ended(String callId) {
        calls.switchboard.ended(callId);
        open.remove(callId);
    }

    MvcTestResult contactsOf(String callId, String user) {
        return mvc.get()
                .uri("/api/v1/contacts?callId=" + callId)
                .with(httpBasic(user, "demo"))
                .exchange();
    }

    String contactId(String callId) {
        MvcTestResult result = contactsOf(callId, "agent1");
        assertThat(result).hasStatusOk();
        List<String> ids = read(result, "$[*].id");
        assertThat(ids).as("contacts of call %s", callId).hasSize(1);
        return ids.get(0);
    }

    MvcTestResult document(String id, String json, String user) {
        return mvc.put()
                .uri("/api/v1/contacts/" + id + "/documentation")
                .with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    String resolvedIdCard() {
        return "{\"concern\": {\"serviceId\": \"" + idCard().id() + "\"}, \"note\": \"Perso verloren\","
                + " \"outcome\": \"RESOLVED\"}";
    }

    @Nested
    class FromCalls {

        @Test
        void givenAnsweredCall_thenOneOpenPhoneContactWithNumberAgentAndTimes() {
            String callId = answered(CALLER);
            calls.applied();
            MvcTestResult result = contactsOf(callId, "agent1");
            assertThat(result).hasStatusOk();
            assertThat(read(result, "$[0].tenant").toString()).isEqualTo("artland");
            assertThat(read(result, "$[0].channel").toString()).isEqualTo("PHONE");
            assertThat(read(result, "$[0].callerNumber").toString()).isEqualTo(CALLER);
            assertThat(read(result, "$[0].agent").toString()).isEqualTo("agent1");
            assertThat(read(result, "$[0].state").toString()).isEqualTo("OPEN");
            assertThat((Object) read(result, "$[0].answeredAt")).isNotNull();
            assertThat((Object) read(result, "$[0].endedAt")).isNull();

            ended(callId);
            calls.applied();
            assertThat((Object) read(contactsOf(callId, "agent1"), "$[0].endedAt"))
                    .isNotNull();
        }

        @Test
        void givenWithheldNumber_thenContactHasNoNumber() {
            String callId = answered(null);
            calls.applied();
            assertThat((Object) read(contactsOf(callId, "agent1"), "$[0].callerNumber"))
                    .isNull();
        }

        @Test
        void givenAbandonedCall_thenNoContact() {
            calls.switchboard.requestState(calls.agent("agent1"), AgentState.PAUSED, "Test");
            String callId = "contact-test-abandoned-" + UUID.randomUUID();
            calls.switchboard.offer(callId, calls.line("artland").id(), CALLER);
            calls.switchboard.abandon(callId);
            calls.applied();
            assertThat(read(contactsOf(callId, "agent1"), "$.length()").toString())
                    .isEqualTo("0");
        }

        @Test
        void givenEventsAppliedTwiceAndLate_thenStillOneContact() {
            String callId = answered(CALLER);
            ended(callId);
            calls.applied();
            String id = contactId(callId);
            List<CallEventRecord> again = feed.ofCall(callId);
            List<DeskCall> signals = new ArrayList<>();
            // the same events once more, and the ANSWERED after the ENDED (late)
            again.forEach(e -> consumer.apply(e, signals));
            List<CallEventRecord> late = new ArrayList<>(again);
            java.util.Collections.reverse(late);
            late.forEach(e -> consumer.apply(e, signals));
            assertThat(contactId(callId)).isEqualTo(id);
            assertThat(jdbc.queryForObject("select count(*) from contact where call_id = ?", Long.class, callId))
                    .isEqualTo(1);
        }

        @Test
        void givenTransfer_thenContactRecordsTargetAndEnds() {
            String callId = answered(CALLER);
            calls.switchboard.transferred(callId, "sip:2301@127.0.0.1;transport=udp");
            open.remove(callId);
            calls.applied();
            MvcTestResult result = contactsOf(callId, "agent1");
            assertThat(read(result, "$[0].transferredTo").toString()).isEqualTo("sip:2301@127.0.0.1;transport=udp");
            assertThat((Object) read(result, "$[0].endedAt")).isNotNull();
        }

        @Test
        void givenWrapUpRunsOut_thenContactStaysOpenAndIsOnTheUndocumentedLists() {
            calls.wrapUp("artland", 1);
            String callId = answered(CALLER);
            ended(callId);
            calls.applied();
            String id = contactId(callId);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                calls.applied();
                assertThat(read(contactsOf(callId, "agent1"), "$[0].undocumented")
                                .toString())
                        .isEqualTo("true");
            });
            assertThat(read(contactsOf(callId, "agent1"), "$[0].state").toString())
                    .isEqualTo("OPEN");
            List<String> agentsList = read(
                    mvc.get()
                            .uri("/api/v1/contacts?undocumented=true&agent=agent1")
                            .with(httpBasic("agent1", "demo"))
                            .exchange(),
                    "$[*].id");
            assertThat(agentsList).contains(id);
            List<String> supervisorsList = read(
                    mvc.get()
                            .uri("/api/v1/contacts?undocumented=true&tenant=artland")
                            .with(httpBasic("supervisor", "demo"))
                            .exchange(),
                    "$[*].id");
            assertThat(supervisorsList).contains(id);
        }

        @Test
        void givenDocumentedInWrapUp_thenWrapUpEndsAndEventsArePublished() {
            String callId = answered(CALLER);
            ended(callId);
            calls.applied();
            UUID agent1 = calls.agent("agent1");
            assertThat(calls.switchboard.agentStatus(agent1).orElseThrow().state())
                    .isEqualTo(AgentState.WRAP_UP);
            String id = contactId(callId);

            MvcTestResult result = document(id, resolvedIdCard(), "agent1");
            assertThat(result).hasStatusOk();
            assertThat(read(result, "$.state").toString()).isEqualTo("DOCUMENTED");
            assertThat(read(result, "$.concern.serviceId").toString())
                    .isEqualTo(idCard().id().toString());
            assertThat(read(result, "$.concern.title").toString()).contains("Personalausweis");
            assertThat(calls.switchboard.agentStatus(agent1).orElseThrow().state())
                    .isEqualTo(AgentState.AVAILABLE);
            assertThat(events.stream(ContactDocumented.class)
                            .filter(e -> e.contactId().toString().equals(id)))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.outcome()).isEqualTo(ContactOutcome.RESOLVED);
                        assertThat(e.callId()).isEqualTo(callId);
                        assertThat(e.channel()).isEqualTo(ContactChannel.PHONE);
                    });
            calls.applied();
            assertThat(read(contactsOf(callId, "agent1"), "$[0].undocumented").toString())
                    .isEqualTo("false");
        }

        @Test
        void givenEarlierCallsOfTheNumber_thenTheyAreCountedWithConcernAndOutcome() {
            String number = "+49543155" + (100 + (int) (Math.random() * 800));
            String first = answered(number);
            ended(first);
            calls.applied();
            assertThat(document(contactId(first), resolvedIdCard(), "agent1")).hasStatusOk();
            String second = answered(number);
            calls.applied();
            String id = contactId(second);
            MvcTestResult earlier = mvc.get()
                    .uri("/api/v1/contacts/" + id + "/earlier")
                    .with(httpBasic("agent1", "demo"))
                    .exchange();
            assertThat(earlier).hasStatusOk();
            assertThat(read(earlier, "$.count").toString()).isEqualTo("1");
            assertThat(read(earlier, "$.contacts[0].outcome").toString()).isEqualTo("RESOLVED");
            assertThat(read(earlier, "$.contacts[0].concern.title").toString()).contains("Personalausweis");
        }
    }

    @Nested
    class Documentation {

        String openContact() {
            MvcTestResult created = mvc.post()
                    .uri("/api/v1/contacts")
                    .with(httpBasic("agent1", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"tenant\": \"artland\", \"channel\": \"WALK_IN\"}")
                    .exchange();
            assertThat(created).hasStatus(201);
            return read(created, "$.id");
        }

        Map<String, String> errors(MvcTestResult result) {
            assertThat(result).hasStatus(400);
            List<String> fields = read(result, "$.errors[*].field");
            List<String> messages = read(result, "$.errors[*].message");
            Map<String, String> byField = new java.util.LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                byField.put(fields.get(i), messages.get(i));
            }
            return byField;
        }

        @Test
        void givenNothing_thenOutcomeAndConcernAreRequiredInGerman() {
            assertThat(errors(document(openContact(), "{}", "agent1")))
                    .containsEntry("outcome", "Bitte das Ergebnis des Kontakts wählen.")
                    .containsEntry(
                            "concern", "Bitte das Anliegen angeben: eine Leistung aus dem Wissen oder eine Kategorie.");
        }

        @Test
        void givenNoConcern_thenNoConcernIsNeeded() {
            assertThat(document(openContact(), "{\"outcome\": \"NO_CONCERN\"}", "agent1"))
                    .hasStatusOk();
        }

        @Test
        void givenUnknownServiceOrCategory_thenRejected() {
            String id = openContact();
            assertThat(errors(document(
                            id,
                            "{\"outcome\": \"RESOLVED\", \"concern\": {\"serviceId\": \"" + UUID.randomUUID() + "\"}}",
                            "agent1")))
                    .containsEntry("concern.serviceId", "Diese Leistung gibt es für die Kommune nicht.");
            assertThat(errors(document(
                            id, "{\"outcome\": \"RESOLVED\", \"concern\": {\"category\": \"Wetter\"}}", "agent1")))
                    .containsEntry("concern.category", "Diese Kategorie steht nicht zur Auswahl.");
            assertThat(errors(document(
                            id,
                            "{\"outcome\": \"RESOLVED\", \"concern\": {\"category\": \"Beschwerde\", \"serviceId\": \""
                                    + idCard().id() + "\"}}",
                            "agent1")))
                    .containsEntry(
                            "concern", "Bitte entweder eine Leistung oder eine Kategorie angeben, nicht beides.");
        }

        @Test
        void givenCategory_thenDocumented() {
            MvcTestResult result = document(
                    openContact(),
                    "{\"outcome\": \"WRONG_MUNICIPALITY\", \"concern\": {\"category\": \"Anliegen einer anderen"
                            + " Behörde\"}, \"note\": \"Landkreis zuständig\"}",
                    "agent1");
            assertThat(result).hasStatusOk();
            assertThat(read(result, "$.concern.category").toString()).isEqualTo("Anliegen einer anderen Behörde");
        }

        @Test
        void givenTransferWithoutDepartmentOnACategory_thenDepartmentRequired() {
            assertThat(errors(document(
                            openContact(),
                            "{\"outcome\": \"TRANSFERRED\", \"concern\": {\"category\": \"Beschwerde\"}}",
                            "agent1")))
                    .containsEntry("department", "Bitte den Fachbereich angeben.");
        }

        @Test
        void givenForeignDepartment_thenRejected() {
            UUID oldenburgDepartment = tenants.departmentsOf(
                            tenants.findBySlug("oldenburg").orElseThrow().id())
                    .get(0)
                    .id();
            assertThat(errors(document(
                            openContact(),
                            "{\"outcome\": \"TRANSFERRED\", \"concern\": {\"category\": \"Beschwerde\"},"
                                    + " \"department\": \"" + oldenburgDepartment + "\"}",
                            "agent1")))
                    .containsEntry("department", "Diesen Fachbereich gibt es bei dieser Kommune nicht.");
        }

        @Test
        void givenHandOffWithoutNoteKindOrPhone_thenEachIsNamed() {
            String id = openContact();
            assertThat(errors(document(
                            id,
                            "{\"outcome\": \"HANDED_OFF\", \"concern\": {\"serviceId\": \"" + idCard().id() + "\"}}",
                            "agent1")))
                    .containsEntry("note", "Bitte notieren, worum es geht – der Fachbereich braucht es zum Bearbeiten.")
                    .containsKey("handOff.kind")
                    .doesNotContainKey("department"); // proposed from the service's responsible department
            assertThat(errors(document(
                            id,
                            "{\"outcome\": \"HANDED_OFF\", \"note\": \"Rückruf\", \"concern\": {\"serviceId\": \""
                                    + idCard().id() + "\"}, \"handOff\": {\"kind\": \"CALLBACK\"}}",
                            "agent1")))
                    .containsEntry("handOff.phone", "Für einen Rückruf wird eine Telefonnummer gebraucht.");
            assertThat(errors(document(
                            id,
                            "{\"outcome\": \"HANDED_OFF\", \"note\": \"Antwort\", \"concern\": {\"serviceId\": \""
                                    + idCard().id() + "\"}, \"handOff\": {\"kind\": \"ANSWER_BY_MAIL\"}}",
                            "agent1")))
                    .containsEntry("handOff.email", "Für eine Antwort per E-Mail wird eine E-Mail-Adresse gebraucht.");
        }

        @Test
        void givenHandOff_thenContactHandedOffIsPublishedWithTheServicesDepartment() {
            String id = openContact();
            MvcTestResult result = document(
                    id,
                    "{\"outcome\": \"HANDED_OFF\", \"note\": \"Ausweis gestohlen, Anzeige liegt vor\","
                            + " \"concern\": {\"serviceId\": \"" + idCard().id() + "\"}, \"handOff\": {\"kind\":"
                            + " \"CALLBACK\", \"citizenName\": \"Erika Muster\", \"phone\": \"05431 12345\","
                            + " \"callbackWindow\": \"morgen 9–12 Uhr\"}}",
                    "agent1");
            assertThat(result).hasStatusOk();
            assertThat(events.stream(ContactHandedOff.class)
                            .filter(e -> e.contactId().toString().equals(id)))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.kind()).isEqualTo(HandOffKind.CALLBACK);
                        assertThat(e.departmentId()).isEqualTo(idCard().departmentId());
                        assertThat(e.phone()).isEqualTo("05431 12345");
                        assertThat(e.channel()).isEqualTo(ContactChannel.WALK_IN);
                    });
        }

        @Test
        void givenPhoneChannelByHand_thenRejected() {
            MvcTestResult result = mvc.post()
                    .uri("/api/v1/contacts")
                    .with(httpBasic("agent1", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"tenant\": \"artland\", \"channel\": \"PHONE\"}")
                    .exchange();
            assertThat(errors(result)).containsKey("channel");
        }

        @Test
        void givenBackOffice_thenMayNotDocument() {
            assertThat(document(openContact(), resolvedIdCard(), "artland-backoffice"))
                    .hasStatus(403);
        }
    }

    @Nested
    class Isolation {

        String oldenburgContact() {
            MvcTestResult created = mvc.post()
                    .uri("/api/v1/contacts")
                    .with(httpBasic("agent1", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"tenant\": \"oldenburg\", \"channel\": \"EMAIL\"}")
                    .exchange();
            assertThat(created).hasStatus(201);
            return read(created, "$.id");
        }

        @Test
        void givenArtlandUsers_thenOldenburgsContactIsNotFoundAndNotListed() {
            String id = oldenburgContact();
            for (String user : List.of("artland-backoffice", "artland-management")) {
                assertThat(mvc.get().uri("/api/v1/contacts/" + id).with(httpBasic(user, "demo")))
                        .hasStatus(404);
                MvcTestResult all = mvc.get()
                        .uri("/api/v1/contacts")
                        .with(httpBasic(user, "demo"))
                        .exchange();
                assertThat(all).hasStatusOk();
                assertThat(body(all)).doesNotContain(id).doesNotContain("\"oldenburg\"");
                MvcTestResult asked = mvc.get()
                        .uri("/api/v1/contacts?tenant=oldenburg")
                        .with(httpBasic(user, "demo"))
                        .exchange();
                assertThat(body(asked)).isEqualTo("[]");
            }
            assertThat(mvc.get().uri("/api/v1/contacts/" + id).with(httpBasic("agent1", "demo")))
                    .hasStatusOk();
        }

        @Test
        void givenEditor_thenContactsAreForbidden() {
            assertThat(mvc.get().uri("/api/v1/contacts").with(httpBasic("editor", "demo")))
                    .hasStatus(403);
        }
    }

    @Nested
    class ForOtherModules {

        @Test
        void givenWebRequest_thenHandedOffWebContactAndEvent() {
            UUID id = intake.submitWebRequest(new ContactIntake.WebRequest(
                    artland().id(),
                    idCard().id(),
                    null,
                    "Max Muster",
                    "max@example.org",
                    null,
                    "Mein Ausweis läuft ab – brauche ich einen Termin?"));
            MvcTestResult result = mvc.get()
                    .uri("/api/v1/contacts/" + id)
                    .with(httpBasic("artland-backoffice", "demo"))
                    .exchange();
            assertThat(result).hasStatusOk();
            assertThat(read(result, "$.channel").toString()).isEqualTo("WEB");
            assertThat(read(result, "$.outcome").toString()).isEqualTo("HANDED_OFF");
            assertThat(read(result, "$.state").toString()).isEqualTo("DOCUMENTED");
            assertThat(events.stream(ContactHandedOff.class)
                            .filter(e -> e.contactId().equals(id)))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.kind()).isEqualTo(HandOffKind.ANSWER_BY_MAIL);
                        assertThat(e.email()).isEqualTo("max@example.org");
                        assertThat(e.departmentId()).isEqualTo(idCard().departmentId());
                    });
        }

        /**
         * Hand-computed: 6 RESOLVED, 2 TRANSFERRED, 1 HANDED_OFF, 2 WRONG_MUNICIPALITY, 1 NO_CONCERN and one open
         * contact in a fresh interval: eligible = 12 − 2 − 1 = 9, rate = 6 ÷ 9 = 0.666667; the open one counts nowhere.
         */
        @Test
        void givenDocumentedContacts_thenCountsAndFirstContactResolutionAsComputedByHand() {
            UUID tenant = tenants.findBySlug("oldenburg").orElseThrow().id();
            Instant from = Instant.parse("2011-03-01T00:00:00Z");
            Instant to = Instant.parse("2011-04-01T00:00:00Z");
            Map<ContactOutcome, Integer> planned = Map.of(
                    ContactOutcome.RESOLVED, 6,
                    ContactOutcome.TRANSFERRED, 2,
                    ContactOutcome.HANDED_OFF, 1,
                    ContactOutcome.WRONG_MUNICIPALITY, 2,
                    ContactOutcome.NO_CONCERN, 1);
            UUID department = tenants.departmentsOf(tenant).get(0).id();
            planned.forEach((outcome, n) -> {
                for (int i = 0; i < n; i++) {
                    String id = manual("oldenburg", "2011-03-1" + i + "T09:00:00Z");
                    String json = "{\"outcome\": \"" + outcome + "\", \"concern\": {\"category\": \"Sonstiges\"},"
                            + " \"note\": \"n\", \"department\": \"" + department + "\", \"handOff\": {\"kind\":"
                            + " \"FORWARD\"}}";
                    assertThat(document(id, json, "agent1")).hasStatusOk();
                }
            });
            manual("oldenburg", "2011-03-20T09:00:00Z");
            manual("oldenburg", "2011-04-01T00:00:00Z"); // outside [from, to)
            Map<ContactOutcome, Long> counts = outcomes.countDocumented(tenant, from, to);
            assertThat(counts)
                    .containsEntry(ContactOutcome.RESOLVED, 6L)
                    .containsEntry(ContactOutcome.TRANSFERRED, 2L)
                    .containsEntry(ContactOutcome.HANDED_OFF, 1L)
                    .containsEntry(ContactOutcome.WRONG_MUNICIPALITY, 2L)
                    .containsEntry(ContactOutcome.NO_CONCERN, 1L);
            assertThat(FirstContactResolution.eligible(counts)).isEqualTo(9);
            assertThat(FirstContactResolution.rate(counts).orElseThrow()).isEqualByComparingTo("0.666667");
            assertThat(outcomes.countDocumented(tenant, to, to.plusSeconds(86400)))
                    .isEmpty();
        }

        String manual(String tenant, String startedAt) {
            MvcTestResult created = mvc.post()
                    .uri("/api/v1/contacts")
                    .with(httpBasic("agent1", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"tenant\": \"" + tenant + "\", \"channel\": \"LETTER\", \"startedAt\": \"" + startedAt
                            + "\"}")
                    .exchange();
            assertThat(created).hasStatus(201);
            return read(created, "$.id");
        }
    }
}
