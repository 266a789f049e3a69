package de.buergerservice.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.TestPhone;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.telephony.internal.sip.SipServer;

/** The German agent desktop: own state and buttons, live queues; refusals shown as German notices. */
@IntegrationTest
class AgentDesktopPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AgentService agents;

    @Autowired
    UserDirectory users;

    @Autowired
    SipServer sip;

    @Autowired
    QueueService queues;

    @Autowired
    Switchboard switchboard;

    AgentState stateOf(String username) {
        return agents.ofUser(users.findByUsername(username).orElseThrow().id())
                .orElseThrow()
                .state();
    }

    @Test
    @WithUserDetails("agent1")
    void givenAgent_thenDesktopShowsStateButtonsAndQueues() {
        assertThat(mvc.get().uri("/telephony"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Mein Status",
                        "Anrufe annehmen",
                        "Pause",
                        "Keine Anrufe mehr (abmelden vom Telefondienst)",
                        "Aus Bürgerservice abmelden",
                        "Warteschlangen",
                        "Samtgemeinde Artland",
                        "Stadt Oldenburg",
                        "Kein Telefon angemeldet – Sie erhalten keine Anrufe. Melden Sie Ihr Telefon mit dem"
                                + " SIP-Benutzer agent1 an.")
                .doesNotContain("Bernd Berater", "Agenten verwalten");
    }

    /** Two buttons once read "Abmelden": one left the phone service, the other the product. */
    @Test
    @WithUserDetails("agent1")
    void givenAgent_thenNoButtonIsJustAbmelden() throws Exception {
        String page = mvc.get().uri("/telephony").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain(">Abmelden<", ">Anmelden<");
    }

    @Test
    @WithUserDetails("agent2")
    void givenRegisteredPhone_thenDesktopSaysWhetherCallsArrive() {
        UUID agent2 = agents.ofUser(users.findByUsername("agent2").orElseThrow().id())
                .orElseThrow()
                .id();
        switchboard.phoneRegistered(agent2, true);
        try {
            agents.requestState(agent2, AgentState.LOGGED_OUT, null);
            assertThat(mvc.get().uri("/telephony"))
                    .bodyText()
                    .contains(
                            "class=\"alert info\"",
                            "\">Telefon angemeldet – Sie erhalten keine Anrufe, bis Sie „Anrufe annehmen“ wählen.</p>")
                    .doesNotContain("\">Kein Telefon angemeldet");
            assertThat(mvc.post().uri("/telephony/state").with(csrf()).param("state", "AVAILABLE"))
                    .flash()
                    .extractingByKey("notice")
                    .asString()
                    .contains("Sie nehmen Anrufe an.");
            assertThat(mvc.get().uri("/telephony"))
                    .bodyText()
                    .contains("\">Telefon angemeldet – Sie erhalten Anrufe.</p>");
        } finally {
            switchboard.phoneRegistered(agent2, false);
            agents.requestState(agent2, AgentState.LOGGED_OUT, null);
        }
        assertThat(mvc.post().uri("/telephony/state").with(csrf()).param("state", "AVAILABLE"))
                .flash()
                .extractingByKey("notice")
                .asString()
                .contains("Ohne angemeldetes Telefon kann der Agent keine Anrufe annehmen.");
        agents.requestState(agent2, AgentState.LOGGED_OUT, null);
    }

    @Test
    @WithUserDetails("agent1")
    void givenAgent_whenPausingWithReason_thenPausedAndNoticeShown() throws Exception {
        try (TestPhone phone = new TestPhone("agent1", "127.0.0.1", sip.port())) {
            assertThat(phone.register("demo", 300)).isEqualTo(200); // only an agent with a phone can be "Frei"
            try {
                pauseWithReason();
            } finally {
                phone.unregister("demo");
            }
        }
    }

    @Test
    @WithUserDetails("agent1")
    void givenAgentWithoutPhone_whenLoggingIn_thenGermanRefusal() {
        assertThat(mvc.post().uri("/telephony/state").with(csrf()).param("state", "AVAILABLE"))
                .hasStatus3xxRedirection()
                .flash()
                .extractingByKey("notice")
                .asString()
                .contains("Ohne angemeldetes Telefon");
        assertThat(stateOf("agent1")).isEqualTo(AgentState.LOGGED_OUT);
    }

    void pauseWithReason() {
        assertThat(mvc.post().uri("/telephony/state").with(csrf()).param("state", "AVAILABLE"))
                .hasStatus3xxRedirection()
                .flash()
                .containsKey("notice");
        assertThat(stateOf("agent1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(mvc.post()
                        .uri("/telephony/state")
                        .with(csrf())
                        .param("state", "PAUSED")
                        .param("reason", "Mittag"))
                .hasStatus3xxRedirection();
        assertThat(stateOf("agent1")).isEqualTo(AgentState.PAUSED);
        assertThat(mvc.get().uri("/telephony")).bodyText().contains("Mittag");
        assertThat(mvc.post().uri("/telephony/state").with(csrf()).param("state", "LOGGED_OUT"))
                .hasStatus3xxRedirection();
        assertThat(stateOf("agent1")).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    @WithUserDetails("agent2")
    void givenLoggedOutAgent_whenPausing_thenGermanRefusal() {
        mvc.post()
                .uri("/telephony/state")
                .with(csrf())
                .param("state", "LOGGED_OUT")
                .exchange();
        assertThat(mvc.post().uri("/telephony/state").with(csrf()).param("state", "PAUSED"))
                .hasStatus3xxRedirection()
                .flash()
                .extractingByKey("notice")
                .asString()
                .contains("nicht möglich");
        assertThat(mvc.post().uri("/telephony/state").with(csrf()).param("state", "TALKING"))
                .flash()
                .extractingByKey("notice")
                .asString()
                .contains("AVAILABLE, PAUSED und LOGGED_OUT");
    }

    @Test
    @WithUserDetails("supervisor")
    void givenSupervisor_thenAllAgentsListedWithStateButtons() {
        assertThat(mvc.get().uri("/telephony"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Ayla Agentin",
                        "Bernd Berater",
                        "Sie sind nicht als Agent eingerichtet.",
                        "Frei schalten",
                        "Vom Telefondienst abmelden",
                        "Agenten verwalten",
                        "Leitungen");
    }

    @Test
    @WithUserDetails("supervisor")
    void givenSupervisor_whenSettingAnAgentsState_thenSameRulesAsTheApi() {
        UUID agent1 = agents.ofUser(users.findByUsername("agent1").orElseThrow().id())
                .orElseThrow()
                .id();
        agents.requestState(agent1, AgentState.LOGGED_OUT, null);
        assertThat(mvc.post()
                        .uri("/telephony/agents/" + agent1 + "/state")
                        .with(csrf())
                        .param("state", "PAUSED"))
                .hasStatus3xxRedirection()
                .flash()
                .extractingByKey("notice")
                .asString()
                .contains("Der Wechsel von LOGGED_OUT nach PAUSED ist jetzt nicht möglich.");
        assertThat(mvc.post()
                        .uri("/telephony/agents/" + agent1 + "/state")
                        .with(csrf())
                        .param("state", "AVAILABLE"))
                .flash()
                .extractingByKey("notice")
                .asString()
                .contains("Ohne angemeldetes Telefon kann der Agent keine Anrufe annehmen.");
        switchboard.phoneRegistered(agent1, true);
        try {
            supervisorTakesAgentThroughStates(agent1);
        } finally {
            switchboard.phoneRegistered(agent1, false);
        }
        assertThat(mvc.post()
                        .uri("/telephony/agents/00000000-0000-0000-0000-000000000001/state")
                        .with(csrf())
                        .param("state", "PAUSED"))
                .hasStatus(404);
    }

    private void supervisorTakesAgentThroughStates(UUID agent1) {
        assertThat(mvc.post()
                        .uri("/telephony/agents/" + agent1 + "/state")
                        .with(csrf())
                        .param("state", "AVAILABLE"))
                .hasStatus3xxRedirection()
                .flash()
                .extractingByKey("notice")
                .asString()
                .contains("Neuer Status von Ayla Agentin: Frei.");
        assertThat(stateOf("agent1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(mvc.post()
                        .uri("/telephony/agents/" + agent1 + "/state")
                        .with(csrf())
                        .param("state", "PAUSED"))
                .hasStatus3xxRedirection();
        assertThat(stateOf("agent1")).isEqualTo(AgentState.PAUSED);
        assertThat(mvc.post()
                        .uri("/telephony/agents/" + agent1 + "/state")
                        .with(csrf())
                        .param("state", "LOGGED_OUT"))
                .hasStatus3xxRedirection();
        assertThat(stateOf("agent1")).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    @WithUserDetails("agent1")
    void givenAgent_whenSettingAnothersState_thenForbidden() {
        UUID agent2 = agents.ofUser(users.findByUsername("agent2").orElseThrow().id())
                .orElseThrow()
                .id();
        assertThat(mvc.post()
                        .uri("/telephony/agents/" + agent2 + "/state")
                        .with(csrf())
                        .param("state", "AVAILABLE"))
                .hasStatus(403);
        assertThat(stateOf("agent2")).isNotEqualTo(AgentState.AVAILABLE);
    }

    @Test
    @WithUserDetails("supervisor")
    void givenWaitingCall_thenPageCarriesWhenItArrivedForTheLiveCount() {
        String callId = "desktop-wait-" + UUID.randomUUID();
        var artland = queues.list().stream()
                .filter(q -> q.name().equals("Samtgemeinde Artland"))
                .findFirst()
                .orElseThrow();
        switchboard.offer(callId, artland.id());
        try {
            assertThat(mvc.get().uri("/telephony"))
                    .bodyText()
                    .containsPattern("data-queue-id=\"" + artland.id() + "\"\\s+data-waiting-since=\"20\\d\\d-")
                    .containsPattern("data-server-now=\"20\\d\\d-");
        } finally {
            switchboard.abandon(callId);
        }
    }

    @Test
    @WithUserDetails("artland-backoffice")
    void givenBackOffice_thenForbidden() {
        assertThat(mvc.get().uri("/telephony")).hasStatus(403);
    }
}
