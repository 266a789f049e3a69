package de.buergerservice.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import de.buergerservice.IntegrationTest;
import de.buergerservice.Responses;
import de.buergerservice.telephony.AgentState;

/**
 * Occupancy and contacts per logged-in agent hour per agent (issue 14), from a known event stream on Tuesday
 * 2026-11-17 (Berlin, winter time) with two agents serving Artland and Oldenburg, worked out by hand:
 *
 * <pre>
 * agent A  logged in 10:00–11:00 (3,600 s), paused 10:20–10:25 (300 s)
 *          a1 Artland    offered 10:01:00, rings 2 s, answered 10:01:10, talks 300 s, wrap-up 60 s
 *          a2 Oldenburg  offered 10:10:00, rings 2 s, answered 10:10:05, talks 235 s, wrap-up 60 s
 *          ringing 4 s, talking 535 s, wrap-up 120 s, paused 300 s, available 2,641 s
 *          occupancy (535 + 120) ÷ (3,600 − 300) = 655 ÷ 3,300 = 0.198484… → 0.198485
 *          contacts per logged-in hour 2 × 3,600 ÷ 3,600 = 2.000; of Artland 1
 * agent B  logged in 10:00–10:45 (2,700 s)
 *          b1 Artland    offered 10:30:00, rings 2 s, answered 10:30:04, talks 416 s, wrap-up 180 s
 *          occupancy (416 + 180) ÷ 2,700 = 0.220740… → 0.220741
 *          contacts per logged-in hour 1 × 3,600 ÷ 2,700 = 1.333…  → 1.333; of Artland 1
 * </pre>
 */
@IntegrationTest
class AgentReportTests extends ReportingFixture {

    static final LocalDate DAY = LocalDate.of(2026, 11, 17);

    @Override
    String tenantSlug() {
        return "artland";
    }

    @Override
    String user() {
        return "supervisor";
    }

    @Override
    String password() {
        return "demo";
    }

    UUID agentA;
    UUID agentB;
    String agreementId;

    @BeforeEach
    void stream() throws Exception {
        agentA = UUID.randomUUID();
        agentB = UUID.randomUUID();
        agreementId = agreement().id().toString();
        UUID artland = agreement().clientTenantId();
        UUID oldenburg = tenants.findBySlug("oldenburg").orElseThrow().id();
        UUID artlandQueue = UUID.randomUUID();
        UUID oldenburgQueue = UUID.randomUUID();
        String tag = agentA.toString().substring(0, 8);
        write(first -> {
            EventScript s = new EventScript(first);
            s.agent(agentA, AgentState.AVAILABLE, at("10:00:00"));
            s.agent(agentB, AgentState.AVAILABLE, at("10:00:00"));
            s.answered(
                    "a1-" + tag,
                    artland,
                    artlandQueue,
                    agentA,
                    at("10:01:00"),
                    10_000,
                    Duration.ofSeconds(300),
                    Duration.ofSeconds(60),
                    false);
            s.answered(
                    "a2-" + tag,
                    oldenburg,
                    oldenburgQueue,
                    agentA,
                    at("10:10:00"),
                    5_000,
                    Duration.ofSeconds(235),
                    Duration.ofSeconds(60),
                    false);
            s.agent(agentA, AgentState.PAUSED, at("10:20:00"));
            s.agent(agentA, AgentState.AVAILABLE, at("10:25:00"));
            s.answered(
                    "b1-" + tag,
                    artland,
                    artlandQueue,
                    agentB,
                    at("10:30:00"),
                    4_000,
                    Duration.ofSeconds(416),
                    Duration.ofSeconds(180),
                    false);
            s.agent(agentB, AgentState.LOGGED_OUT, at("10:45:00"));
            s.agent(agentA, AgentState.LOGGED_OUT, at("11:00:00"));
            return s.inTimeOrder();
        });
    }

    static java.time.Instant at(String time) {
        return Golden.berlin(DAY + "T" + time);
    }

    @SuppressWarnings("unchecked")
    Map<UUID, Map<String, Object>> agents(String user, String agreement) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/reports/agents?agreement=" + agreement + "&from=" + DAY + "&to=" + DAY)
                .with(httpBasic(user, "demo"))
                .exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        List<Map<String, Object>> list = Responses.read(result, "$.agents");
        Map<UUID, Map<String, Object>> byAgent = new java.util.HashMap<>();
        for (Map<String, Object> a : list) {
            byAgent.put(UUID.fromString((String) a.get("agentId")), a);
        }
        byAgent.keySet().retainAll(List.of(agentA, agentB));
        return byAgent;
    }

    @Test
    void theServiceCenterSeesEachAgentsOccupancyAndContactsPerLoggedInHour() throws Exception {
        Map<UUID, Map<String, Object>> agents = agents("supervisor", agreementId);
        assertThat(agents).containsOnlyKeys(agentA, agentB);
        Map<String, Object> a = agents.get(agentA);
        assertThat(a.get("contactsOfMunicipality")).isEqualTo(1);
        assertThat(a.get("contacts")).isEqualTo(2);
        assertThat(new java.math.BigDecimal(a.get("loggedInHours").toString())).isEqualByComparingTo("1");
        assertThat(new java.math.BigDecimal(a.get("occupancy").toString())).isEqualByComparingTo("0.198485");
        assertThat(new java.math.BigDecimal(a.get("contactsPerAgentHour").toString()))
                .isEqualByComparingTo("2");
        Map<String, Object> b = agents.get(agentB);
        assertThat(b.get("contactsOfMunicipality")).isEqualTo(1);
        assertThat(b.get("contacts")).isEqualTo(1);
        assertThat(new java.math.BigDecimal(b.get("loggedInHours").toString())).isEqualByComparingTo("0.75");
        assertThat(new java.math.BigDecimal(b.get("occupancy").toString())).isEqualByComparingTo("0.220741");
        assertThat(new java.math.BigDecimal(b.get("contactsPerAgentHour").toString()))
                .isEqualByComparingTo("1.333");
        // the same figures on the report page's table
        MvcTestResult page = mvc.get()
                .uri("/reports?agreement=" + agreementId + "&from=" + DAY + "&to=" + DAY)
                .with(as("supervisor"))
                .exchange();
        assertThat(Responses.body(page)).contains("19,8 %", "22,1 %", "1,333");
    }

    @Test
    void aMunicipalitySeesOnlyItsOwnContactsPerAgent() throws Exception {
        Map<UUID, Map<String, Object>> agents = agents("artland-management", agreementId);
        assertThat(agents).containsOnlyKeys(agentA, agentB);
        assertThat(agents.get(agentA))
                .containsEntry("contactsOfMunicipality", 1)
                .doesNotContainKeys("contacts", "occupancy", "contactsPerAgentHour", "loggedInHours");
        assertThat(agents.get(agentB)).containsEntry("contactsOfMunicipality", 1);
        MvcTestResult page = mvc.get()
                .uri("/reports?agreement=" + agreementId + "&from=" + DAY + "&to=" + DAY)
                .with(as("artland-management"))
                .exchange();
        assertThat(Responses.body(page)).doesNotContain("19,8 %", "Auslastung");
        // another municipality's agreement is not found
        String oldenburg = tenants.agreementsFor(
                        tenants.findBySlug("oldenburg").orElseThrow().id())
                .get(0)
                .id()
                .toString();
        MvcTestResult foreign = mvc.get()
                .uri("/api/v1/reports/agents?agreement=" + oldenburg + "&from=" + DAY + "&to=" + DAY)
                .with(httpBasic("artland-management", "demo"))
                .exchange();
        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void badInputIsRejected() {
        MvcTestResult id = mvc.get()
                .uri("/api/v1/reports/agents?agreement=x&from=" + DAY + "&to=" + DAY)
                .with(httpBasic("supervisor", "demo"))
                .exchange();
        assertThat(id.getResponse().getStatus()).isEqualTo(400);
        MvcTestResult date = mvc.get()
                .uri("/api/v1/reports/agents?agreement=" + agreementId + "&from=17.11.2026&to=" + DAY)
                .with(httpBasic("supervisor", "demo"))
                .exchange();
        assertThat(date.getResponse().getStatus()).isEqualTo(400);
        MvcTestResult reversed = mvc.get()
                .uri("/api/v1/reports/agents?agreement=" + agreementId + "&from=" + DAY + "&to=2026-11-01")
                .with(httpBasic("supervisor", "demo"))
                .exchange();
        assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
        MvcTestResult agent = mvc.get()
                .uri("/api/v1/reports/agents?agreement=" + agreementId + "&from=" + DAY + "&to=" + DAY)
                .with(httpBasic("agent1", "demo"))
                .exchange();
        assertThat(agent.getResponse().getStatus()).isEqualTo(403);
    }
}
