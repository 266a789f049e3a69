package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sip.message.Request;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.sip.SipServer;

/**
 * The proxy's dialogs over real SIP, the caller a raw UDP/TCP socket that sends exactly what the test writes (late,
 * never, forged): a repeated 200 is relayed, not hung up (issue 11, finding 2); every answered call ends — without
 * ACK after the ACK timeout, without BYE after the longest duration, with a caller gone at once (3); requests
 * outside our dialogs reach nobody (4); a forged BYE ends nothing (5). Timeouts are short here (see
 * {@link SipCallTests#QUICK_182}).
 */
@IntegrationTest
@Import(SipCallTests.WednesdayMorning.class)
@TestPropertySource(properties = SipCallTests.QUICK_182)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipDialogTests {

    static final String ARTLAND = SipCallTests.ARTLAND;

    @Autowired
    SipServer server;

    @Autowired
    AgentService agents;

    @Autowired
    CallEventLog eventLog;

    @Autowired
    JdbcTemplate jdbc;

    TestPhone agent1;

    @BeforeAll
    void phones() throws Exception {
        agent1 = new TestPhone("agent1", "127.0.0.1", server.port());
    }

    @AfterAll
    void hangUp() {
        agent1.close();
    }

    @BeforeEach
    void agent1Ready() throws Exception {
        agent1.requests.clear();
        agent1.responses.clear();
        agent1.autoAnswer = false;
        assertThat(agent1.register("demo", 300)).isEqualTo(200);
        if (state("agent2") != AgentState.LOGGED_OUT) {
            setState("agent2", AgentState.PAUSED); // only agent1 is to ring
        }
        setState("agent1", AgentState.AVAILABLE);
    }

    UUID agentId(String sipUser) {
        return agents.list().stream()
                .filter(a -> a.sipUser().equals(sipUser))
                .findFirst()
                .orElseThrow()
                .id();
    }

    AgentState state(String sipUser) {
        return agents.get(agentId(sipUser)).state();
    }

    void setState(String sipUser, AgentState state) {
        agents.requestState(agentId(sipUser), state, state == AgentState.PAUSED ? "Test" : null);
    }

    List<String> events(String callId) {
        assertThat(eventLog.flush(Duration.ofSeconds(5))).isTrue();
        return jdbc.queryForList(
                "select type || coalesce(' ' || detail, '') from call_event where call_id = ?"
                        + " and type not in ('AGENT_STATE_CHANGED', 'QUEUED', 'CALL_OFFERED', 'AGENT_RINGING')"
                        + " order by sequence",
                String.class,
                callId);
    }

    /** Caller INVITEs, agent1 rings and answers: returns the 200 as the caller received it (not yet ACKed). */
    RawSip.Message answeredCall(RawSip caller, String callId) throws Exception {
        caller.send(caller.invite(ARTLAND, callId, "c" + System.nanoTime()));
        assertThat(agentRequest(Request.INVITE, callId, 5)).as("agent1 rings").isNotNull();
        agent1.answer();
        RawSip.Message ok = caller.awaitStatus(200, 5);
        assertThat(ok).as("200 relayed to the caller").isNotNull();
        assertThat(state("agent1")).isEqualTo(AgentState.TALKING);
        return ok;
    }

    /** The next request of that method for this call at agent1's phone (strays of earlier calls skipped). */
    Request agentRequest(String method, String callId, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Request request = agent1.requests.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (request != null
                    && request.getMethod().equals(method)
                    && ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME))
                            .getCallId()
                            .equals(callId)) {
                return request;
            }
        }
        return null;
    }

    static RawSip.Message okForBye(RawSip caller) throws java.io.IOException {
        return caller.await(m -> m.status() == 200 && m.header("CSeq").endsWith("BYE"), 5);
    }

    static void awaitState(SipDialogTests test, String user, AgentState state, double seconds)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + (long) (seconds * 1000);
        while (System.currentTimeMillis() < deadline && test.state(user) != state) {
            Thread.sleep(100);
        }
    }

    // --- finding 2: a retransmitted 200 ---------------------------------------------------------------------

    @Test
    void givenLateAck_whenAgentRepeatsItsAnswer_thenRepeatRelayedAndCallGoesOn() throws Exception {
        try (RawSip caller = RawSip.udp(server.port())) {
            String callId = RawSip.newCallId();
            RawSip.Message ok = answeredCall(caller, callId);

            agent1.repeatAnswer(); // the caller's ACK is late: the phone sends its 200 again
            RawSip.Message repeat = caller.awaitStatus(200, 3);
            assertThat(repeat).as("repeated 200 relayed to the caller").isNotNull();
            assertThat(repeat.toTag()).isEqualTo(ok.toTag());
            assertThat(agentRequest(Request.BYE, callId, 1))
                    .as("no BYE from the proxy")
                    .isNull();
            assertThat(state("agent1")).isEqualTo(AgentState.TALKING);

            caller.send(caller.inDialog(ok, "ACK", 1));
            assertThat(agentRequest(Request.ACK, callId, 5))
                    .as("late ACK passes")
                    .isNotNull();
            caller.send(caller.inDialog(ok, "BYE", 2));
            assertThat(agentRequest(Request.BYE, callId, 5))
                    .as("caller's BYE passes")
                    .isNotNull();
            assertThat(okForBye(caller)).as("200 for the BYE").isNotNull();
            assertThat(state("agent1")).isEqualTo(AgentState.WRAP_UP);
            assertThat(events(callId)).containsExactly("ANSWERED waitMs=" + waitMs(callId), "ENDED");
        }
    }

    String waitMs(String callId) {
        return jdbc.queryForObject(
                        "select detail from call_event where call_id = ? and type = 'ANSWERED'", String.class, callId)
                .substring("waitMs=".length());
    }

    // --- finding 3: every call has an end -----------------------------------------------------------------

    @Test
    void givenAnsweredCallNeverAcked_thenProxyEndsItAfterAckTimeout() throws Exception {
        try (RawSip caller = RawSip.udp(server.port())) {
            String callId = RawSip.newCallId();
            answeredCall(caller, callId);

            assertThat(agentRequest(Request.BYE, callId, 8))
                    .as("BYE to the agent after the ACK timeout (3 s here)")
                    .isNotNull();
            RawSip.Message bye = caller.awaitRequest("BYE", 3);
            assertThat(bye).as("BYE to the caller too").isNotNull();
            caller.send(caller.ok(bye));
            awaitState(this, "agent1", AgentState.WRAP_UP, 3);
            assertThat(state("agent1")).isEqualTo(AgentState.WRAP_UP);
            assertThat(events(callId)).last().isEqualTo("ENDED reason=no-ack");
            assertThat(server.openDialogs()).isZero();
        }
    }

    @Test
    void givenConfirmedCallWithoutBye_thenProxyEndsItAfterMaxCallDuration() throws Exception {
        try (RawSip caller = RawSip.udp(server.port())) {
            String callId = RawSip.newCallId();
            RawSip.Message ok = answeredCall(caller, callId);
            caller.send(caller.inDialog(ok, "ACK", 1));
            assertThat(agentRequest(Request.ACK, callId, 5)).isNotNull();

            assertThat(agentRequest(Request.BYE, callId, 4))
                    .as("not ended by the ACK timeout")
                    .isNull();
            assertThat(agentRequest(Request.BYE, callId, 20))
                    .as("BYE to the agent after max-call-duration (15 s here)")
                    .isNotNull();
            assertThat(caller.awaitRequest("BYE", 3))
                    .as("BYE to the caller too")
                    .isNotNull();
            awaitState(this, "agent1", AgentState.WRAP_UP, 3);
            assertThat(state("agent1")).isEqualTo(AgentState.WRAP_UP);
            assertThat(events(callId)).last().isEqualTo("ENDED reason=max-call-duration");
        }
    }

    @Test
    void givenCallerWhoseViaCannotBeAnswered_thenRefusedAtAdmissionNeverQueued() throws Exception {
        try (RawSip caller = RawSip.udp(server.port())) {
            String foo = RawSip.newCallId();
            caller.send(caller.invite(ARTLAND, foo, "f1").replace("SIP/2.0/UDP", "SIP/2.0/FOO"));
            RawSip.Message answer = caller.awaitFinal(2);
            assertThat(answer == null || answer.status() == 400)
                    .as("400 or nothing: %s", answer)
                    .isTrue();

            String nowhere = RawSip.newCallId();
            caller.send(caller.invite(ARTLAND, nowhere, "f2")
                    .replace("127.0.0.1:" + caller.port() + ";rport", "nirgendwo.invalid:" + caller.port() + ";rport"));
            RawSip.Message unresolvable = caller.awaitFinal(3);
            assertThat(unresolvable == null || unresolvable.status() == 400)
                    .as("400 or nothing: %s", unresolvable)
                    .isTrue();

            assertThat(agent1.awaitRequest(Request.INVITE, 1))
                    .as("nobody rings")
                    .isNull();
            assertThat(server.activeCalls()).isZero();
            assertThat(jdbc.queryForObject(
                            "select count(*) from call_event where call_id in (?, ?)", Integer.class, foo, nowhere))
                    .isZero();
            assertThat(state("agent1")).isEqualTo(AgentState.AVAILABLE);
        }
    }

    @Test
    void givenWaitingTcpCaller_whenConnectionCloses_thenCallAbandoned() throws Exception {
        setState("agent1", AgentState.PAUSED);
        String callId = RawSip.newCallId();
        try (RawSip caller = RawSip.tcp(server.port())) {
            caller.send(caller.invite(ARTLAND, callId, "t1"));
            assertThat(caller.awaitStatus(182, 5)).as("queued").isNotNull();
        } // connection closed; the Via names a port nobody listens on, so the answer cannot reach the caller
        long deadline = System.currentTimeMillis() + 8000;
        while (System.currentTimeMillis() < deadline && server.activeCalls() > 0) {
            Thread.sleep(100);
        }
        assertThat(server.activeCalls()).as("call no longer held").isZero();
        assertThat(events(callId)).containsExactly("ABANDONED waitMs=" + abandonedWait(callId));
    }

    String abandonedWait(String callId) {
        return jdbc.queryForObject(
                        "select detail from call_event where call_id = ? and type = 'ABANDONED'", String.class, callId)
                .substring("waitMs=".length());
    }

    // --- findings 4 and 5: no open relay, no forged BYE ------------------------------------------------------

    String inDialogTo(RawSip from, String method, String target, String callId, String route) {
        return method + " " + target + " SIP/2.0\r\n"
                + from.via()
                + (route == null ? "" : "Route: " + route + "\r\n")
                + "Max-Forwards: 70\r\n"
                + "From: <sip:fremd@127.0.0.1>;tag=made-up\r\n"
                + "To: <sip:opfer@127.0.0.1>;tag=also-made-up\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 7 " + method + "\r\n"
                + "Contact: <sip:fremd@127.0.0.1:" + from.port() + ">\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void givenRequestsWithToTagOutsideOurDialogs_thenRefusedAndListenerReceivesNothing() throws Exception {
        try (RawSip attacker = RawSip.udp(server.port());
                RawSip listener = RawSip.udp(server.port())) {
            String victim = "sip:trunk@127.0.0.1:" + listener.port();
            String ownRoute = "<sip:127.0.0.1:" + server.port() + ";lr>";
            for (String method : List.of("INVITE", "MESSAGE", "BYE", "OPTIONS", "INFO", "FOOBAR")) {
                for (String route : new String[] {null, ownRoute}) {
                    attacker.send(inDialogTo(attacker, method, victim, RawSip.newCallId(), route));
                    RawSip.Message answer = attacker.awaitFinal(3);
                    assertThat(answer)
                            .as("%s (Route %s) answered", method, route)
                            .isNotNull();
                    assertThat(answer.status())
                            .as("%s (Route %s)", method, route)
                            .isIn(403, 404, 481);
                }
            }
            assertThat(listener.drain(1000)).as("nothing reached the listener").isEmpty();
        }
    }

    @Test
    void givenMadeUpResponseWithOurViaOnTop_thenNotPassedOnToTheViaBelow() throws Exception {
        try (RawSip attacker = RawSip.udp(server.port());
                RawSip listener = RawSip.udp(server.port())) {
            for (String method : List.of("INVITE", "BYE")) {
                attacker.send("SIP/2.0 200 OK\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + server.port() + ";branch=" + RawSip.branch() + "\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + listener.port() + ";branch=" + RawSip.branch() + "\r\n"
                        + "From: <sip:fremd@127.0.0.1>;tag=a\r\nTo: <sip:opfer@127.0.0.1>;tag=b\r\n"
                        + "Call-ID: " + RawSip.newCallId() + "\r\nCSeq: 1 " + method + "\r\n"
                        + "Contact: <sip:fremd@127.0.0.1:" + attacker.port() + ">\r\nContent-Length: 0\r\n\r\n");
            }
            assertThat(listener.drain(1500))
                    .as("nothing reached the Via below ours")
                    .isEmpty();
        }
    }

    @Test
    void givenForgedByeForSomebodysCall_thenRefusedAndCallGoesOn() throws Exception {
        Logger proxyLog = (Logger) LoggerFactory.getLogger("de.buergerservice.telephony.internal.sip.SipProxy");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Level level = proxyLog.getLevel();
        proxyLog.addAppender(logged);
        proxyLog.setLevel(Level.DEBUG);
        try (RawSip caller = RawSip.udp(server.port());
                RawSip attacker = RawSip.udp(server.port())) {
            String callId = RawSip.newCallId();
            RawSip.Message ok = answeredCall(caller, callId);
            caller.send(caller.inDialog(ok, "ACK", 1));
            assertThat(agentRequest(Request.ACK, callId, 5)).isNotNull();

            String agentContact = ok.contactUri();
            String ownRoute = "<sip:127.0.0.1:" + server.port() + ";lr>";
            // right Call-ID, made-up tags, no Route; then the same along our Route
            attacker.send(inDialogTo(attacker, "BYE", agentContact, callId, null));
            assertThat(attacker.awaitFinal(3).status()).isIn(403, 481);
            attacker.send(inDialogTo(attacker, "BYE", agentContact, callId, ownRoute));
            assertThat(attacker.awaitFinal(3).status()).isEqualTo(481);
            // the caller's real tags, but aimed past the dialog's target: no relay either
            String elsewhere = caller.inDialog(ok, "BYE", 2).replace(agentContact, "sip:trunk@127.0.0.1:9");
            attacker.send(
                    elsewhere.replaceFirst("Via: [^\r]*\r\n", attacker.via().replace("\r\n", "") + "\r\n"));
            assertThat(attacker.awaitFinal(3).status()).isEqualTo(403);

            assertThat(agentRequest(Request.BYE, callId, 1))
                    .as("no BYE reached the agent")
                    .isNull();
            assertThat(state("agent1")).isEqualTo(AgentState.TALKING);
            assertThat(events(callId)).doesNotContain("ENDED");
            assertThat(logged.list)
                    .as("refusals are logged with the Call-ID (MDC callId)")
                    .anySatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("callId", callId));

            caller.send(caller.inDialog(ok, "BYE", 2));
            assertThat(agentRequest(Request.BYE, callId, 5))
                    .as("the caller's own BYE passes")
                    .isNotNull();
            assertThat(okForBye(caller)).isNotNull();
            assertThat(events(callId)).last().isEqualTo("ENDED");
        } finally {
            proxyLog.detachAppender(logged);
            proxyLog.setLevel(level);
        }
    }

    @Test
    void givenForgedCancelForWaitingCall_thenRefusedAndCallKeepsWaiting() throws Exception {
        setState("agent1", AgentState.PAUSED);
        try (RawSip caller = RawSip.udp(server.port());
                RawSip attacker = RawSip.udp(server.port())) {
            String callId = RawSip.newCallId();
            caller.send(caller.invite(ARTLAND, callId, "w1"));
            assertThat(caller.awaitStatus(182, 5)).isNotNull();
            attacker.send("CANCEL sip:" + ARTLAND + "@127.0.0.1:" + server.port() + " SIP/2.0\r\n"
                    + attacker.via()
                    + "Max-Forwards: 70\r\nFrom: <sip:raw@127.0.0.1>;tag=w1\r\nTo: <sip:" + ARTLAND
                    + "@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n");
            assertThat(attacker.awaitFinal(3).status()).isEqualTo(481);
            assertThat(server.activeCalls()).isEqualTo(1);
            setState("agent1", AgentState.AVAILABLE);
            assertThat(agentRequest(Request.INVITE, callId, 5))
                    .as("the call still rings")
                    .isNotNull();
            agent1.answer();
            RawSip.Message ok = caller.awaitStatus(200, 5);
            caller.send(caller.inDialog(ok, "ACK", 1));
            caller.send(caller.inDialog(ok, "BYE", 2));
            assertThat(okForBye(caller)).isNotNull();
        }
    }
}
