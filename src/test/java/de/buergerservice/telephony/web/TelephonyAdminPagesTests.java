package de.buergerservice.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.AgentView;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.QueueSettings;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The German pages on which supervisors and administrators keep agents (SIP credentials, skills) and the
 * municipalities' lines — the same services and validation as the REST API, messages at the fields — and that
 * agents cannot reach them.
 */
@IntegrationTest
class TelephonyAdminPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AgentService agents;

    @Autowired
    QueueService queues;

    @Autowired
    TenantDirectory tenants;

    AgentView agentWithSipUser(String sipUser) {
        return agents.list().stream()
                .filter(a -> a.sipUser().equals(sipUser))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @WithUserDetails("supervisor")
    void givenSupervisor_thenAgentListShowsSkillsByMunicipality() {
        assertThat(mvc.get().uri("/telephony/agents"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Agenten verwalten",
                        "Ayla Agentin",
                        "agent1",
                        "Stadt Oldenburg (allgemein, Stufe 3)",
                        "Samtgemeinde Artland (allgemein, Stufe 2)",
                        "Neu anlegen");
        assertThat(mvc.get().uri("/telephony/agents/new"))
                .hasStatusOk()
                .bodyText()
                .contains("SIP-Benutzername", "SIP-Passwort", "Kommune 1", "Thema 2", "Stufe 1", "Weitere Fähigkeit");
    }

    @Test
    @WithUserDetails("supervisor")
    void givenInvalidAgent_thenGermanMessagesAtTheFieldsAndNothingStored() {
        assertThat(mvc.post()
                        .uri("/telephony/agents")
                        .with(csrf())
                        .param("sipUser", "mit leerzeichen")
                        .param("password", "abc")
                        .param("displayName", "")
                        .param("skills[0].tenant", "artland")
                        .param("skills[0].level", "2")
                        .param("skills[1].tenant", "")
                        .param("skills[2].tenant", "artland")
                        .param("skills[2].level", "9"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Bitte korrigieren Sie die markierten Angaben.",
                        "Nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich (höchstens 64 Zeichen).",
                        "Das SIP-Passwort muss 4 bis 200 Zeichen lang sein.",
                        "darf nicht leer sein")
                // the level error is shown at the third row, where it was typed
                .containsPattern("(?s)id=\"skills2.level\".*?class=\"field-error\"")
                .doesNotContain("value=\"abc\"");
        assertThat(agents.list()).noneMatch(a -> a.sipUser().equals("mit leerzeichen"));

        // a rule the service checks against the database: the SIP user is taken
        assertThat(mvc.post()
                        .uri("/telephony/agents")
                        .with(csrf())
                        .param("sipUser", "agent1")
                        .param("password", "geheim")
                        .param("displayName", "Doppelt"))
                .hasStatusOk()
                .bodyText()
                .contains("Dieser SIP-Benutzername ist schon vergeben.");
        // two rows for the same skill: shown at the second row
        assertThat(mvc.post()
                        .uri("/telephony/agents")
                        .with(csrf())
                        .param("sipUser", "agent-doppelt")
                        .param("password", "geheim")
                        .param("displayName", "Doppelt")
                        .param("skills[0].tenant", "artland")
                        .param("skills[1].tenant", "")
                        .param("skills[2].tenant", "artland"))
                .hasStatusOk()
                .bodyText()
                .containsPattern("(?s)id=\"skills2.tenant\".*?Diese Fähigkeit ist doppelt angegeben.");
    }

    @Test
    @WithUserDetails("admin")
    void givenAgentCreatedEditedAndDeletedOnPages_thenTheSwitchboardKnowsIt() {
        assertThat(mvc.post()
                        .uri("/telephony/agents")
                        .with(csrf())
                        .param("sipUser", "agent-seite")
                        .param("password", "geheim")
                        .param("displayName", "Paula Seite")
                        .param("username", "")
                        .param("skills[0].tenant", "artland")
                        .param("skills[0].topic", "")
                        .param("skills[0].level", "4")
                        .param("skills[1].tenant", "oldenburg")
                        .param("skills[1].topic", "Bewohnerparken")
                        .param("skills[1].level", "2")
                        .param("skills[2].tenant", ""))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .isEqualTo("/telephony/agents");
        AgentView created = agentWithSipUser("agent-seite");
        assertThat(created.displayName()).isEqualTo("Paula Seite");
        assertThat(created.skills())
                .extracting(s -> s.tenant() + "/" + s.topic() + "/" + s.level())
                .containsExactlyInAnyOrder("artland//4", "oldenburg/Bewohnerparken/2");
        assertThat(agents.credential("agent-seite")).isPresent();

        String edit = "/telephony/agents/" + created.id();
        assertThat(mvc.get().uri(edit + "/edit"))
                .hasStatusOk()
                .bodyText()
                .contains("Agent bearbeiten", "value=\"Paula Seite\"", "value=\"Bewohnerparken\"")
                .doesNotContain("geheim");
        // "Weitere Fähigkeit" offers a row more and saves nothing
        assertThat(mvc.post()
                        .uri(edit)
                        .with(csrf())
                        .param("addSkill", "1")
                        .param("sipUser", "agent-seite")
                        .param("displayName", "Paula geändert")
                        .param("skills[0].tenant", "artland")
                        .param("skills[0].level", "4"))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"skills1.tenant\"");
        assertThat(agents.get(created.id()).displayName()).isEqualTo("Paula Seite");
        // without a password the old one stays
        String ha1 = agents.credential("agent-seite").orElseThrow().ha1();
        assertThat(mvc.post()
                        .uri(edit)
                        .with(csrf())
                        .param("sipUser", "agent-seite")
                        .param("password", "")
                        .param("displayName", "Paula geändert")
                        .param("username", "")
                        .param("skills[0].tenant", "oldenburg")
                        .param("skills[0].level", "1"))
                .hasStatus3xxRedirection();
        AgentView edited = agents.get(created.id());
        assertThat(edited.displayName()).isEqualTo("Paula geändert");
        assertThat(edited.skills()).extracting(s -> s.tenant()).containsExactly("oldenburg");
        assertThat(agents.credential("agent-seite").orElseThrow().ha1()).isEqualTo(ha1);
        // renaming the SIP user needs the password again (the digest contains the name)
        assertThat(mvc.post()
                        .uri(edit)
                        .with(csrf())
                        .param("sipUser", "agent-seite2")
                        .param("displayName", "Paula geändert"))
                .hasStatusOk()
                .bodyText()
                .contains("Das SIP-Passwort muss 4 bis 200 Zeichen lang sein.");

        assertThat(mvc.post().uri(edit + "/delete").with(csrf()))
                .hasStatus3xxRedirection()
                .flash()
                .extractingByKey("notice")
                .asString()
                .contains("Gelöscht.");
        assertThat(agents.credential("agent-seite")).isEmpty();
        assertThat(mvc.get().uri(edit + "/edit")).hasStatus(404);
    }

    @Test
    @WithUserDetails("supervisor")
    void givenSupervisor_thenLinesListedAndEditableWithGermanMessages() {
        assertThat(mvc.get().uri("/telephony/lines"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Leitungen",
                        "Samtgemeinde Artland",
                        "Stadt Oldenburg (60 s)",
                        "Umleiten (SIP 302)",
                        "+494412359999");
        assertThat(mvc.get().uri("/telephony/lines/artland/edit"))
                .hasStatusOk()
                .bodyText()
                .contains("Leitung bearbeiten", "Klingeldauer (s)", "value=\"15\"", "Überlauf zu");
        assertThat(mvc.post()
                        .uri("/telephony/lines/artland")
                        .with(csrf())
                        .param("name", "Samtgemeinde Artland")
                        .param("ringTimeoutSeconds", "2")
                        .param("wrapUpSeconds", "zehn")
                        .param("overflowTenant", "")
                        .param("closedAction", "REDIRECT")
                        .param("redirectTarget", ""))
                .hasStatusOk()
                .bodyText()
                .contains("muss größer-gleich 5 sein", "Bitte eine ganze Zahl angeben.");
        assertThat(mvc.post()
                        .uri("/telephony/lines/artland")
                        .with(csrf())
                        .param("name", "Samtgemeinde Artland")
                        .param("ringTimeoutSeconds", "20")
                        .param("wrapUpSeconds", "10")
                        .param("overflowTenant", "oldenburg")
                        .param("overflowAfterSeconds", "")
                        .param("closedAction", "REDIRECT")
                        .param("redirectTarget", "irgendwo"))
                .hasStatusOk()
                .bodyText()
                .contains("Bitte angeben, nach wie vielen Sekunden der Überlauf greift.");
        assertThat(mvc.post()
                        .uri("/telephony/lines/artland")
                        .with(csrf())
                        .param("name", "Samtgemeinde Artland")
                        .param("ringTimeoutSeconds", "20")
                        .param("wrapUpSeconds", "10")
                        .param("overflowTenant", "")
                        .param("closedAction", "REDIRECT")
                        .param("redirectTarget", "irgendwo"))
                .hasStatusOk()
                .bodyText()
                .contains("Bitte eine Rufnummer im Format +49… oder eine SIP-Adresse angeben.");
        assertThat(queues.find(artland()).orElseThrow().ringTimeoutSeconds()).isEqualTo(15);

        QueueSettings before = queues.find(artland()).orElseThrow();
        try {
            assertThat(mvc.post()
                            .uri("/telephony/lines/artland")
                            .with(csrf())
                            .param("name", "Samtgemeinde Artland")
                            .param("ringTimeoutSeconds", "25")
                            .param("wrapUpSeconds", "30")
                            .param("overflowTenant", "oldenburg")
                            .param("overflowAfterSeconds", "45")
                            .param("closedAction", "REJECT")
                            .param("redirectTarget", ""))
                    .hasStatus3xxRedirection()
                    .redirectedUrl()
                    .isEqualTo("/telephony/lines");
            QueueSettings after = queues.find(artland()).orElseThrow();
            assertThat(after.ringTimeoutSeconds()).isEqualTo(25);
            assertThat(after.wrapUpSeconds()).isEqualTo(30);
            assertThat(after.overflowAfterSeconds()).isEqualTo(45);
        } finally {
            queues.save(before);
        }
        assertThat(mvc.get().uri("/telephony/lines/nirgendwo/edit")).hasStatus(404);
    }

    UUID artland() {
        return tenants.findBySlug("artland").orElseThrow().id();
    }

    @Test
    @WithUserDetails("agent1")
    void givenAgent_thenAdminPagesForbidden() {
        for (String page : new String[] {
            "/telephony/agents", "/telephony/agents/new", "/telephony/lines", "/telephony/lines/artland/edit"
        }) {
            assertThat(mvc.get().uri(page)).as(page).hasStatus(403);
        }
        AgentView agent2 = agentWithSipUser("agent2");
        assertThat(mvc.post()
                        .uri("/telephony/agents/" + agent2.id() + "/delete")
                        .with(csrf()))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/telephony/agents")
                        .with(csrf())
                        .param("sipUser", "eingeschmuggelt")
                        .param("password", "geheim")
                        .param("displayName", "X"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/telephony/lines/artland")
                        .with(csrf())
                        .param("name", "X")
                        .param("ringTimeoutSeconds", "99")
                        .param("wrapUpSeconds", "0")
                        .param("closedAction", "REJECT"))
                .hasStatus(403);
        assertThat(agents.credential("agent2")).isPresent();
        assertThat(agents.credential("eingeschmuggelt")).isEmpty();
        assertThat(queues.find(artland()).orElseThrow().ringTimeoutSeconds()).isNotEqualTo(99);
    }

    @Test
    @WithUserDetails("artland-backoffice")
    void givenTenantBoundUser_thenAdminPagesForbidden() {
        assertThat(mvc.get().uri("/telephony/agents")).hasStatus(403);
        assertThat(mvc.get().uri("/telephony/lines")).hasStatus(403);
    }
}
