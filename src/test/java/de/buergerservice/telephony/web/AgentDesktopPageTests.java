package de.buergerservice.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.TestPhone;
import de.buergerservice.telephony.internal.AgentService;
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
                        "Anmelden",
                        "Pause",
                        "Abmelden",
                        "Warteschlangen",
                        "Samtgemeinde Artland",
                        "Stadt Oldenburg",
                        "Kein Telefon angemeldet (SIP-Benutzer agent1)")
                .doesNotContain("Bernd Berater");
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
    void givenSupervisor_thenAllAgentsListed() {
        assertThat(mvc.get().uri("/telephony"))
                .hasStatusOk()
                .bodyText()
                .contains("Ayla Agentin", "Bernd Berater", "Sie sind nicht als Agent eingerichtet.");
    }

    @Test
    @WithUserDetails("artland-backoffice")
    void givenBackOffice_thenForbidden() {
        assertThat(mvc.get().uri("/telephony")).hasStatus(403);
    }
}
