package de.buergerservice.telephony;

import static de.buergerservice.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import de.buergerservice.IntegrationTest;
import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.telephony.internal.AgentData;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.QueueSettings;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.internal.TenantService;

/**
 * A municipality's line follows the municipality: created with it (defaults, queue in the switchboard), flagged
 * while no agent has its skill, and gone from the switchboard once — and only once — its deletion is committed.
 */
@IntegrationTest
class MunicipalityLineTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    TenantService tenantService;

    @Autowired
    QueueService queues;

    @Autowired
    AgentService agents;

    @Autowired
    Switchboard switchboard;

    @Autowired
    CallEventLog eventLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** Creates a municipality over the API as the administrator and returns its id. */
    UUID createMunicipality(String slug, String name, String ags, String phone) {
        MvcTestResult created = mvc.post()
                .uri("/api/v1/tenants")
                .with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"slug": "%s", "name": "%s", "type": "MUNICIPALITY", "ags": "%s",
                         "federalState": "NI", "phoneNumbers": ["%s"], "greeting": "%s, guten Tag",
                         "openingHours": {"weekly": {"MONDAY": [{"opens": "08:00", "closes": "12:00"}]},
                                          "exceptions": []}}
                        """.formatted(slug, name, ags, phone, name))
                .exchange();
        assertThat(created).hasStatus(201);
        return UUID.fromString(read(created, "$.id"));
    }

    boolean inSwitchboard(UUID tenantId) {
        return switchboard.snapshot().queues().stream()
                .anyMatch(q -> q.tenantId().equals(tenantId));
    }

    int storedLines(UUID tenantId) {
        return jdbc.queryForObject("select count(*) from telephony_queue where tenant_id = ?", Integer.class, tenantId);
    }

    @Test
    void givenNewMunicipality_thenItHasItsLineAndQueueAndIsFlaggedUntilAnAgentHasItsSkill() {
        UUID id = createMunicipality("wolfsruh", "Gemeinde Wolfsruh", "03459071", "+4954387001");

        QueueSettings line = queues.find(id).orElseThrow();
        assertThat(line.name()).isEqualTo("Gemeinde Wolfsruh");
        assertThat(line.ringTimeoutSeconds()).isEqualTo(15);
        assertThat(line.closedAction()).isEqualTo(QueueSettings.ClosedAction.REJECT);
        assertThat(storedLines(id)).isEqualTo(1);
        assertThat(inSwitchboard(id)).isTrue();
        assertThat(mvc.get().uri("/api/v1/telephony/queues").with(httpBasic("supervisor", "demo")))
                .bodyText()
                .contains("\"tenant\":\"wolfsruh\"");

        for (String page : List.of("/telephony", "/telephony/lines")) {
            assertThat(mvc.get().uri(page).with(user("supervisor").roles("SUPERVISOR")))
                    .bodyText()
                    .contains("Kommunen ohne Agenten", "<li>Gemeinde Wolfsruh</li>");
        }
        // agents do not get the warning: it is for whoever can fix it
        assertThat(mvc.get().uri("/telephony").with(user("agent1").roles("AGENT")))
                .bodyText()
                .doesNotContain("Kommunen ohne Agenten");

        // a topic skill alone does not take the municipality's calls, so it is still flagged
        var agent = agents.create(new AgentData(
                "wolfsruh-agent",
                "geheim",
                "Greta Wolf",
                null,
                List.of(new AgentData.SkillData("wolfsruh", "Hundesteuer", 3))));
        assertThat(mvc.get().uri("/telephony/lines").with(user("supervisor").roles("SUPERVISOR")))
                .bodyText()
                .contains("<li>Gemeinde Wolfsruh</li>");
        agents.update(
                agent.id(),
                new AgentData(
                        "wolfsruh-agent",
                        null,
                        "Greta Wolf",
                        null,
                        List.of(new AgentData.SkillData("wolfsruh", "", 1))));
        assertThat(mvc.get().uri("/telephony/lines").with(user("supervisor").roles("SUPERVISOR")))
                .bodyText()
                .doesNotContain("<li>Gemeinde Wolfsruh</li>");
        agents.delete(agent.id());
        deleteMunicipality("wolfsruh");
    }

    @Test
    void givenDeletionRolledBack_thenQueueStaysLive() {
        UUID id = createMunicipality("lindenhain", "Gemeinde Lindenhain", "03459072", "+4954377002");
        String callId = "rollback-" + UUID.randomUUID();
        switchboard.offer(callId, queues.find(id).orElseThrow().id());

        SystemActor.run(() -> transactions.executeWithoutResult(status -> {
            tenantService.delete("lindenhain");
            status.setRollbackOnly();
        }));

        assertThat(tenants.findById(id)).isPresent();
        assertThat(storedLines(id)).isEqualTo(1);
        assertThat(queues.find(id)).isPresent();
        assertThat(inSwitchboard(id)).isTrue();
        assertThat(switchboard.isActive(callId))
                .as("the waiting caller is still waiting")
                .isTrue();
        switchboard.abandon(callId);
        deleteMunicipality("lindenhain");
    }

    @Test
    void givenMunicipalityDeleted_thenItsQueueLeavesTheSwitchboardAndWaitingCallsEnd() {
        UUID id = createMunicipality("eichenbrueck", "Stadt Eichenbrück", "03459073", "+4954397003");
        UUID overflowing = createMunicipality("moorwiesen", "Gemeinde Moorwiesen", "03459074", "+4954647004");
        // Moorwiesen's callers overflow to Eichenbrück's agents
        assertThat(mvc.put()
                        .uri("/api/v1/tenants/moorwiesen/telephony")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Gemeinde Moorwiesen", "ringTimeoutSeconds": 15, "wrapUpSeconds": 10,
                                 "overflowTenant": "eichenbrueck", "overflowAfterSeconds": 30, "closedAction": "REJECT"}
                                """))
                .hasStatusOk();
        String callId = "deleted-" + UUID.randomUUID();
        switchboard.offer(callId, queues.find(id).orElseThrow().id());

        assertThat(mvc.delete().uri("/api/v1/tenants/eichenbrueck").with(httpBasic("admin", "demo")))
                .hasStatus(204);

        assertThat(storedLines(id)).isZero();
        assertThat(queues.find(id)).isEmpty();
        assertThat(queues.isDeleted(id)).isTrue();
        assertThat(inSwitchboard(id)).isFalse();
        assertThat(switchboard.isActive(callId)).isFalse();
        assertThat(eventLog.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(jdbc.queryForList(
                        "select type from call_event where call_id = ? order by sequence", String.class, callId))
                .containsExactly("CALL_OFFERED", "QUEUED", "QUEUE_REMOVED");
        QueueSettings moorwiesen = queues.find(overflowing).orElseThrow();
        assertThat(moorwiesen.overflowTenantId()).isNull();
        assertThat(moorwiesen.overflowAfterSeconds()).isNull();
        assertThat(mvc.get().uri("/api/v1/tenants/moorwiesen/telephony").with(httpBasic("admin", "demo")))
                .bodyJson()
                .extractingPath("$.overflowTenant")
                .isNull();
        deleteMunicipality("moorwiesen");
    }

    /** Test municipalities go again: other test classes share this context and count the municipalities. */
    void deleteMunicipality(String slug) {
        assertThat(mvc.delete().uri("/api/v1/tenants/" + slug).with(httpBasic("admin", "demo")))
                .hasStatus(204);
    }
}
