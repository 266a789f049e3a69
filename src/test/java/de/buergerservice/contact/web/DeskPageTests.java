package de.buergerservice.contact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.contact.CallsAccess;
import de.buergerservice.contact.ContactTest;
import de.buergerservice.contact.internal.ContactService;
import de.buergerservice.contact.internal.ContactView;
import de.buergerservice.contact.internal.DeskCall;
import de.buergerservice.contact.internal.DeskRings;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.telephony.TelephonySnapshot;
import de.buergerservice.tenancy.TenantDirectory;

/** The German desk: screen pop, knowledge panel, documentation form with its German refusals, supervisor view. */
@ContactTest
class DeskPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CallsAccess calls;

    @Autowired
    ContactService contacts;

    @Autowired
    UserDirectory users;

    @Autowired
    KnowledgeCatalog knowledge;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    DeskRings rings;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    List<String> open = new ArrayList<>();

    @BeforeEach
    void ready() {
        calls.agent1Ready();
    }

    @AfterEach
    void hangUp() {
        open.forEach(calls::end);
        open.clear();
        calls.applied();
    }

    String agent1Name() {
        return users.findByUsername("agent1").orElseThrow().displayName();
    }

    ContactView contactOf(String callId) {
        return contacts.list(new ContactService.Query(null, null, null, null, null, null, callId, null))
                .get(0);
    }

    /** Read directly: after a MockMvc request the test's security context is gone. */
    String stateOf(String callId) {
        return jdbc.queryForObject("select state from contact where call_id = ?", String.class, callId);
    }

    /**
     * The screen pop's fast path: ring and answer reach the desk from telephony's live state (published at most
     * every 250 ms), not from the call-event feed, which the contacts read only once a second. The pop itself is
     * there once the call's events are written, before any contact exists.
     */
    @Test
    @WithUserDetails("agent1")
    void givenRingAndAnswer_thenDeskSignalledFromTheLiveStateWithoutWaitingForTheFeed() {
        UUID agent1 = users.findByUsername("agent1").orElseThrow().id();
        TelephonySnapshot before = calls.snapshot();
        String callId = calls.ringing("artland", "+4954319990002");
        open.add(callId);
        TelephonySnapshot ringing = calls.snapshot();
        assertThat(rings.between(before, ringing))
                .filteredOn(s -> callId.equals(s.callId()))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.kind()).isEqualTo(DeskCall.Kind.RINGING);
                    assertThat(s.userId()).isEqualTo(agent1);
                    assertThat(s.contactId()).isNull();
                });
        calls.written();
        assertThat(mvc.get().uri("/desk/pop?callId=" + callId))
                .hasStatusOk()
                .bodyText()
                .contains("+4954319990002", "Samtgemeinde Artland");

        calls.answer(callId);
        TelephonySnapshot talking = calls.snapshot();
        assertThat(rings.between(ringing, talking))
                .filteredOn(s -> callId.equals(s.callId()))
                .singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(DeskCall.Kind.ANSWERED));
        // answered faster than the live state is published: the desk still learns of the call, once
        assertThat(rings.between(before, talking))
                .filteredOn(s -> callId.equals(s.callId()))
                .singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(DeskCall.Kind.ANSWERED));
        assertThat(rings.between(talking, calls.snapshot())).isEmpty();
    }

    @Test
    @WithUserDetails("agent1")
    void givenRingingPhone_thenPopShowsMunicipalityGreetingCallerAndHours() {
        String callId = calls.ringing("artland", "+4954319990001");
        open.add(callId);
        calls.applied();
        assertThat(mvc.get().uri("/desk/pop?callId=" + callId))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Samtgemeinde Artland",
                        "Samtgemeinde Artland, ServiceCenter, guten Tag, mein Name ist " + agent1Name(),
                        "+4954319990001",
                        "Wartezeit",
                        "Mo 08:00",
                        "Frühere Kontakte (30 Tage)");
    }

    @Test
    @WithUserDetails("agent1")
    void givenAnsweredCall_thenDeskShowsPopAndDocumentationForm() {
        String callId = calls.answeredCall("artland", null);
        open.add(callId);
        calls.applied();
        assertThat(mvc.get().uri("/desk"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Arbeitsplatz",
                        "mein Name ist " + agent1Name(),
                        "Rufnummer unterdrückt",
                        "Dokumentation",
                        "im Erstkontakt gelöst",
                        "Dokumentieren (Alt+D)",
                        "Suche (Alt+S)");
    }

    @Test
    @WithUserDetails("agent1")
    void givenSearch_thenHitsAndFullAnswerWithDepartment() {
        assertThat(mvc.get().uri("/desk/knowledge?tenant=artland&q=Perso verloren"))
                .hasStatusOk()
                .bodyText()
                .contains("Personalausweis");
        UUID idCard = knowledge.list(tenants.findBySlug("artland").orElseThrow().id(), Audience.STAFF).stream()
                .filter(s -> s.title().contains("Personalausweis"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(mvc.get().uri("/desk/knowledge/" + idCard + "?tenant=artland"))
                .hasStatusOk()
                .bodyText()
                .contains("Als Anliegen übernehmen (Alt+A)", "Zuständig");
    }

    @Test
    @WithUserDetails("agent1")
    void givenIncompleteDocumentation_thenGermanMessagesAtTheFieldsAndStillOpen() {
        String callId = calls.answeredCall("artland", "+4954319990002");
        open.add(callId);
        calls.applied();
        ContactView contact = contactOf(callId);
        assertThat(mvc.post()
                        .uri("/desk/contacts/" + contact.id() + "/documentation")
                        .with(csrf())
                        .param("outcome", "HANDED_OFF")
                        .param("category", "Beschwerde"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Bitte die markierten Angaben prüfen.",
                        "Bitte den Fachbereich angeben.",
                        "Bitte notieren, worum es geht",
                        "Bitte angeben, was der Fachbereich tun soll");
        assertThat(stateOf(callId)).isEqualTo("OPEN");
    }

    @Test
    @WithUserDetails("agent1")
    void givenCompleteDocumentation_thenSavedAndBackToTheDesk() {
        String callId = calls.answeredCall("artland", "+4954319990003");
        open.add(callId);
        calls.applied();
        ContactView contact = contactOf(callId);
        assertThat(mvc.post()
                        .uri("/desk/contacts/" + contact.id() + "/documentation")
                        .with(csrf())
                        .param("outcome", "RESOLVED")
                        .param("category", "Allgemeine Auskunft")
                        .param("note", "Öffnungszeiten erfragt"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/desk");
        assertThat(stateOf(callId)).isEqualTo("DOCUMENTED");
    }

    @Test
    @WithUserDetails("supervisor")
    void givenSupervisor_thenOpenContactsPerMunicipalityAndAgentsCurrentContact() {
        String callId = calls.answeredCall("artland", "+4954319990004");
        open.add(callId);
        calls.applied();
        assertThat(mvc.get().uri("/desk/supervisor"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Kontakte live",
                        "Samtgemeinde Artland",
                        "Offene Kontakte",
                        "+4954319990004",
                        "Aktueller Kontakt je Agent");
    }

    @Test
    @WithUserDetails("artland-backoffice")
    void givenBackOffice_thenNoDesk() {
        assertThat(mvc.get().uri("/desk")).hasStatus(403);
        assertThat(mvc.get().uri("/desk/supervisor")).hasStatus(403);
    }
}
