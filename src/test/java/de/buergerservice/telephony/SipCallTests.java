package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.shared.BerlinTime;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.AgentView;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.QueueSettings;
import de.buergerservice.telephony.internal.sip.SipServer;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The switchboard over real SIP on 127.0.0.1/UDP with the demo data: phones register with digest credentials,
 * callers dial Artland's number and wait with 182, the longest-idle agent's phone rings, answers, hangs up,
 * transfers; plus the refusals (401, 404, closed). The clock stands on a Wednesday morning, when both demo
 * municipalities are open.
 */
@IntegrationTest
@Import(SipCallTests.WednesdayMorning.class)
@TestPropertySource(properties = SipCallTests.QUICK_182)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipCallTests {

    static final String ARTLAND = "+4954311820";
    /** 182 repeated every second instead of every 30 s, so the repetition is seen quickly; an answered call without
     * ACK ended after 3 s instead of 32 s, one without BYE after 15 s instead of 4 h (same for all SIP tests, which
     * then share one application context). */
    static final String QUICK_182 = """
            buergerservice.sip.queued-interval=1s
            buergerservice.sip.ack-timeout=3s
            buergerservice.sip.max-call-duration=15s
            """;

    @TestConfiguration
    static class WednesdayMorning {
        @Bean
        @Primary
        Clock wednesdayMorning() {
            Instant target =
                    ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, BerlinTime.ZONE).toInstant();
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
        }
    }

    @Autowired
    SipServer server;

    @Autowired
    AgentService agents;

    @Autowired
    QueueService queues;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    CallEventLog eventLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    TestPhone agent1;
    TestPhone agent2;
    TestPhone citizen;

    /** Phones live for the whole class: stopping a JAIN-SIP stack takes about two seconds. */
    @BeforeAll
    void phones() throws Exception {
        agent1 = new TestPhone("agent1", "127.0.0.1", server.port());
        agent2 = new TestPhone("agent2", "127.0.0.1", server.port());
        citizen = new TestPhone("buerger", "127.0.0.1", server.port());
    }

    @BeforeEach
    void registeredAndReady() throws Exception {
        for (TestPhone phone : List.of(agent1, agent2, citizen)) {
            phone.requests.clear();
            phone.responses.clear();
            phone.autoAnswer = false;
        }
        assertThat(agent1.register("demo", 300)).isEqualTo(200);
        assertThat(agent2.register("demo", 300)).isEqualTo(200);
        artlandRingTimeout(15);
        setState("agent2", AgentState.PAUSED);
        setState("agent1", AgentState.AVAILABLE);
    }

    @AfterAll
    void hangUp() {
        List.of(agent1, agent2, citizen).forEach(TestPhone::close);
    }

    UUID agentId(String sipUser) {
        return agents.list().stream()
                .filter(a -> a.sipUser().equals(sipUser))
                .findFirst()
                .orElseThrow()
                .id();
    }

    AgentView agent(String sipUser) {
        return agents.get(agentId(sipUser));
    }

    void setState(String sipUser, AgentState state) {
        agents.requestState(agentId(sipUser), state, state == AgentState.PAUSED ? "Test" : null);
    }

    void artlandRingTimeout(int seconds) {
        TenantInfo artland = tenants.findBySlug("artland").orElseThrow();
        QueueSettings q = queues.forTenant(artland);
        queues.save(new QueueSettings(
                q.id(),
                q.tenantId(),
                q.name(),
                seconds,
                q.wrapUpSeconds(),
                q.overflowTenantId(),
                q.overflowAfterSeconds(),
                q.closedAction(),
                q.redirectTarget()));
    }

    /** Whether a 182 with {@code position} arrives within the time (a reminder already on its way may say more). */
    static boolean awaitQueuedAt(TestPhone phone, int position, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Response queued = phone.awaitResponse(Response.QUEUED, 1);
            if (queued != null && queued.getReasonPhrase().endsWith("Position " + position)) {
                return true;
            }
        }
        return false;
    }

    List<String> eventTypes(String callId) {
        assertThat(eventLog.flush(Duration.ofSeconds(5))).isTrue();
        return jdbc.queryForList(
                "select type from call_event where call_id = ? and type <> 'AGENT_STATE_CHANGED'"
                        + " order by sequence",
                String.class,
                callId);
    }

    @Test
    void givenRegisteredAgents_whenCitizenCallsArtland_thenQueuedRingsAnswersAndHangsUp() throws Exception {
        citizen.call(ARTLAND);
        Response queued = citizen.awaitResponse(Response.QUEUED, 5);
        assertThat(queued).as("182 Queued").isNotNull();
        assertThat(queued.getReasonPhrase()).contains("Position 1");

        Request ringing = agent1.awaitRequest(Request.INVITE, 5);
        assertThat(ringing).as("agent1 (longest idle, agent2 paused) rings").isNotNull();
        assertThat(new String(ringing.getRawContent())).contains("m=audio 40000"); // SDP relayed untouched
        assertThat(agent2.requests).isEmpty();
        assertThat(citizen.awaitResponse(Response.RINGING, 5)).isNotNull();
        assertThat(agent("agent1").state()).isEqualTo(AgentState.RINGING);

        agent1.answer();
        Response ok = citizen.awaitResponse(Response.OK, 5);
        assertThat(ok).as("200 relayed to the caller").isNotNull();
        assertThat(((ContactHeader) ok.getHeader(ContactHeader.NAME))
                        .getAddress()
                        .getURI()
                        .toString())
                .contains("agent1@");
        citizen.ack(ok);
        assertThat(agent1.awaitRequest(Request.ACK, 5))
                .as("ACK passes the proxy")
                .isNotNull();
        assertThat(agent("agent1").state()).isEqualTo(AgentState.TALKING);

        citizen.bye();
        assertThat(agent1.awaitRequest(Request.BYE, 5)).isNotNull();
        assertThat(citizen.awaitResponse(Response.OK, 5)).as("200 for BYE").isNotNull();
        assertThat(agent("agent1").state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(eventTypes(citizen.callId()))
                .containsExactly("CALL_OFFERED", "QUEUED", "AGENT_RINGING", "ANSWERED", "ENDED");
        assertThat(server.activeCalls()).isZero();
    }

    java.util.Map<String, Object> lastStateEvent(String sipUser) {
        assertThat(eventLog.flush(Duration.ofSeconds(5))).isTrue();
        return jdbc.queryForList(
                        "select agent_state, detail, actor from call_event where agent_id = ?"
                                + " and type = 'AGENT_STATE_CHANGED' order by sequence desc",
                        agentId(sipUser))
                .get(0);
    }

    @Test
    void givenTalkingAgent_whenSupervisorForcesOut_thenLoggedOutAndCallEndedNamingTheSupervisor() throws Exception {
        citizen.call(ARTLAND);
        assertThat(agent1.awaitRequest(Request.INVITE, 5)).isNotNull();
        agent1.answer();
        Response ok = citizen.awaitResponse(Response.OK, 5);
        assertThat(ok).isNotNull();
        citizen.ack(ok);
        assertThat(agent("agent1").state()).isEqualTo(AgentState.TALKING);
        String uri = "/api/v1/agents/" + agentId("agent1") + "/state";
        assertThat(mvc.put()
                        .uri(uri)
                        .with(httpBasic("agent1", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\": \"LOGGED_OUT\"}"))
                .as("the agent's own request keeps its rule")
                .hasStatus(409);
        assertThat(mvc.put()
                        .uri(uri)
                        .with(httpBasic("supervisor", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\": \"LOGGED_OUT\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("LOGGED_OUT");
        assertThat(eventTypes(citizen.callId())).endsWith("ANSWERED", "ENDED");
        assertThat(jdbc.queryForMap(
                        "select detail, actor from call_event where call_id = ? and type = 'ENDED'", citizen.callId()))
                .containsEntry("detail", "forced")
                .containsEntry("actor", "supervisor");
        assertThat(lastStateEvent("agent1"))
                .containsEntry("agent_state", "LOGGED_OUT")
                .containsEntry("detail", "forced")
                .containsEntry("actor", "supervisor");
        citizen.bye();
        assertThat(agent1.awaitRequest(Request.BYE, 5)).isNotNull();
        assertThat(agent("agent1").state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void givenPhoneUnregistersOrItsRegistrationExpires_thenAgentLoggedOutWithEvent() throws Exception {
        assertThat(agent("agent1").state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(agent1.unregister("demo")).isEqualTo(200);
        assertThat(agent("agent1").state()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(agent("agent1").phoneRegistered()).isFalse();
        assertThat(lastStateEvent("agent1")).containsEntry("detail", "unregistered");

        assertThat(agent1.register("demo", 1)).isEqualTo(200);
        assertThat(agent("agent1").state()).as("a new registration logs in").isEqualTo(AgentState.AVAILABLE);
        long deadline = System.nanoTime() + 6_000_000_000L;
        while (agent("agent1").state() != AgentState.LOGGED_OUT && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(agent("agent1").state()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(lastStateEvent("agent1")).containsEntry("detail", "registration-expired");
    }

    @Test
    void givenNationalNotation_thenSameMunicipality() throws Exception {
        setState("agent1", AgentState.PAUSED);
        citizen.call("054311820");
        assertThat(citizen.awaitResponse(Response.QUEUED, 5)).isNotNull();
        citizen.cancel();
        assertThat(citizen.awaitResponse(Response.REQUEST_TERMINATED, 5)).isNotNull();
    }

    @Test
    void givenNoFreeAgent_whenCallerHangsUp_thenAbandonedAndNoSlotLeft() throws Exception {
        setState("agent1", AgentState.PAUSED);
        citizen.call(ARTLAND);
        assertThat(citizen.awaitResponse(Response.QUEUED, 5)).isNotNull();
        Thread.sleep(300);
        citizen.cancel();
        assertThat(citizen.awaitResponse(Response.REQUEST_TERMINATED, 5))
                .as("487 for the INVITE")
                .isNotNull();
        assertThat(eventTypes(citizen.callId())).containsExactly("CALL_OFFERED", "QUEUED", "ABANDONED");
        String detail = jdbc.queryForObject(
                "select detail from call_event where call_id = ? and type = 'ABANDONED'",
                String.class,
                citizen.callId());
        assertThat(Long.parseLong(detail.substring("waitMs=".length()))).isGreaterThanOrEqualTo(250);
        assertThat(server.activeCalls()).isZero();
        assertThat(agents.list()).allSatisfy(a -> assertThat(a.state()).isNotEqualTo(AgentState.RINGING));
    }

    @Test
    void givenWaitingCalls_then182IsRepeatedWithTheCurrentPosition() throws Exception {
        setState("agent1", AgentState.PAUSED);
        try (TestPhone second = new TestPhone("buerger3", "127.0.0.1", server.port())) {
            citizen.call(ARTLAND);
            assertThat(citizen.awaitResponse(Response.QUEUED, 5).getReasonPhrase())
                    .endsWith("Position 1");
            second.call(ARTLAND);
            assertThat(second.awaitResponse(Response.QUEUED, 5).getReasonPhrase())
                    .endsWith("Position 2");
            assertThat(citizen.awaitResponse(Response.QUEUED, 3))
                    .as("182 repeated while waiting")
                    .isNotNull();
            citizen.cancel();
            assertThat(citizen.awaitResponse(Response.REQUEST_TERMINATED, 5)).isNotNull();
            try {
                assertThat(awaitQueuedAt(second, 1, 5))
                        .as("moved up: a later 182 says Position 1")
                        .isTrue();
            } finally {
                second.cancel();
                assertThat(second.awaitResponse(Response.REQUEST_TERMINATED, 5)).isNotNull();
            }
        }
        assertThat(server.activeCalls()).isZero();
    }

    @Test
    void givenRingTimeout_thenCancelAgentPausedAndCallRingsNextAgent() throws Exception {
        artlandRingTimeout(2);
        citizen.call(ARTLAND);
        assertThat(agent1.awaitRequest(Request.INVITE, 5)).isNotNull();
        assertThat(agent1.awaitRequest(Request.CANCEL, 5))
                .as("CANCEL after the ring timeout")
                .isNotNull();
        AgentView sleepy = agent("agent1");
        assertThat(sleepy.state()).isEqualTo(AgentState.PAUSED);
        assertThat(sleepy.reason()).isEqualTo("keine Annahme");

        setState("agent2", AgentState.AVAILABLE);
        assertThat(agent2.awaitRequest(Request.INVITE, 5))
                .as("call back at the head, now agent2")
                .isNotNull();
        agent2.answer();
        Response ok = citizen.awaitResponse(Response.OK, 5);
        assertThat(ok).isNotNull();
        citizen.ack(ok);
        agent2.bye();
        assertThat(citizen.awaitRequest(Request.BYE, 5))
                .as("agent's BYE reaches the caller")
                .isNotNull();
        assertThat(eventTypes(citizen.callId()))
                .containsExactly(
                        "CALL_OFFERED",
                        "QUEUED",
                        "AGENT_RINGING",
                        "RING_NO_ANSWER",
                        "AGENT_RINGING",
                        "ANSWERED",
                        "ENDED");
    }

    @Test
    void givenAnsweredCall_whenAgentRefers_thenTransferred() throws Exception {
        citizen.call(ARTLAND);
        assertThat(agent1.awaitRequest(Request.INVITE, 5)).isNotNull();
        agent1.answer();
        Response ok = citizen.awaitResponse(Response.OK, 5);
        citizen.ack(ok);
        agent1.refer("<sip:310@127.0.0.1>");
        Request refer = citizen.awaitRequest(Request.REFER, 5);
        assertThat(refer).as("REFER reaches the caller").isNotNull();
        assertThat(agent1.awaitResponse(Response.ACCEPTED, 5)).isNotNull();
        assertThat(eventTypes(citizen.callId())).endsWith("ANSWERED", "TRANSFERRED");
        assertThat(agent("agent1").state()).isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void givenWrongPasswordOrNone_thenUnauthorized() throws Exception {
        try (TestPhone intruder = new TestPhone("agent1", "127.0.0.1", server.port());
                TestPhone stranger = new TestPhone("niemand", "127.0.0.1", server.port())) {
            assertThat(intruder.register(null, 300)).as("no credentials").isEqualTo(401);
            assertThat(intruder.register("falsch", 300)).as("wrong password").isEqualTo(401);
            assertThat(stranger.register("demo", 300)).as("unknown user").isEqualTo(401);
        }
    }

    @Test
    void givenPhonesOverTcp_thenRegisterAndCallWork() throws Exception {
        try (TestPhone tcpAgent = new TestPhone("agent2", "127.0.0.1", server.port(), "tcp");
                TestPhone tcpCitizen = new TestPhone("buerger4", "127.0.0.1", server.port(), "tcp")) {
            assertThat(tcpAgent.register("demo", 300)).isEqualTo(200);
            setState("agent1", AgentState.PAUSED);
            setState("agent2", AgentState.AVAILABLE);
            tcpCitizen.call(ARTLAND);
            assertThat(tcpCitizen.awaitResponse(Response.QUEUED, 5)).isNotNull();
            assertThat(tcpAgent.awaitRequest(Request.INVITE, 5))
                    .as("INVITE to the TCP contact")
                    .isNotNull();
            tcpAgent.answer();
            Response ok = tcpCitizen.awaitResponse(Response.OK, 5);
            assertThat(ok).isNotNull();
            tcpCitizen.ack(ok);
            tcpCitizen.bye();
            assertThat(tcpAgent.awaitRequest(Request.BYE, 5)).isNotNull();
            assertThat(tcpCitizen.awaitResponse(Response.OK, 5))
                    .as("200 for BYE on the caller's connection")
                    .isNotNull();
            assertThat(eventTypes(tcpCitizen.callId())).endsWith("ANSWERED", "ENDED");
        } finally {
            assertThat(agent2.register("demo", 300)).isEqualTo(200); // the UDP phone is agent2's again
        }
    }

    @Test
    void givenUnknownNumber_thenNotFound() throws Exception {
        citizen.call("+4912345678");
        assertThat(citizen.awaitResponse(Response.NOT_FOUND, 5)).isNotNull();
    }

    @Test
    void givenClosedMunicipality_thenRejectOrRedirectPerRule() throws Exception {
        assertThat(mvc.post()
                        .uri("/api/v1/tenants")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"slug": "menslage", "name": "Gemeinde Menslage", "type": "MUNICIPALITY", "ags": "03459025",
                 "federalState": "NI", "phoneNumbers": ["+4954379090"], "greeting": "Gemeinde Menslage, guten Tag",
                 "openingHours": {"weekly": {"TUESDAY": [{"opens": "08:30", "closes": "12:15"}]},
                                  "exceptions": []}}
                """))
                .hasStatus(201);
        citizen.call("+4954379090");
        Response closed = citizen.awaitResponse(Response.TEMPORARILY_UNAVAILABLE, 5);
        assertThat(closed).as("480 when closed (default rule)").isNotNull();
        assertThat(closed.getReasonPhrase()).isEqualTo("Außerhalb der Öffnungszeiten");
        assertThat(eventTypes(citizen.callId())).containsExactly("REJECTED_CLOSED");

        TenantInfo menslage = tenants.findBySlug("menslage").orElseThrow();
        QueueSettings q = queues.forTenant(menslage);
        queues.save(new QueueSettings(
                q.id(),
                q.tenantId(),
                q.name(),
                15,
                10,
                null,
                null,
                QueueSettings.ClosedAction.REDIRECT,
                "+4954379099"));
        citizen.call("+4954379090");
        Response moved = citizen.awaitResponse(Response.MOVED_TEMPORARILY, 5);
        assertThat(moved).as("302 to the configured target").isNotNull();
        assertThat(moved.getHeader(ContactHeader.NAME).toString()).contains("tel:+4954379099");
    }
}
