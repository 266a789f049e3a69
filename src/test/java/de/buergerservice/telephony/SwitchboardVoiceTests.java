package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.AgentData;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.AgentView;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.media.Clip;
import de.buergerservice.telephony.internal.media.SwitchboardVoice;
import de.buergerservice.telephony.internal.media.VoiceSettings;
import de.buergerservice.telephony.internal.sip.SipServer;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Issue 19 with a real phone from Debian as the caller: baresip dials a municipality whose line announces, records
 * what it hears (its {@code sndfile} module), and the recording is checked against the prompts — greeting, position
 * announcements that change as the call ahead is answered, the opening hours outside them; and a key press "1"
 * (RFC 4733 from baresip) turns the wait into a callback that rings the agent and then a baresip "citizen".
 * Each test creates its own municipality and agent, so the shared demo data stays as it is. Skipped when baresip or
 * espeak-ng are not installed, except in CI ({@code CI=true}), where .ci/run installs them.
 */
@IntegrationTest
@Import(SipCallTests.WednesdayMorning.class)
@TestPropertySource(properties = SipCallTests.QUICK_182)
class SwitchboardVoiceTests {

    static final Path BARESIP = Path.of("/usr/bin/baresip");
    static final Path ESPEAK = Path.of("/usr/bin/espeak-ng");

    @Autowired
    SipServer server;

    @Autowired
    AgentService agents;

    @Autowired
    SwitchboardVoice voice;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    CallEventLog eventLog;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void phonesInstalled() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Assumptions.assumeTrue(
                ci || (Files.isExecutable(BARESIP) && Files.isExecutable(ESPEAK)),
                "baresip or espeak-ng not installed (/usr/bin/baresip, /usr/bin/espeak-ng), skipped");
        assertThat(BARESIP).as("CI installs baresip (.ci/run)").isExecutable();
        assertThat(ESPEAK).as("CI installs espeak-ng (.ci/run)").isExecutable();
    }

    @Test
    void givenWaitingCaller_whenTheCallAheadIsAnswered_thenHearsGreetingAndTheNewPosition() throws Exception {
        TenantInfo tenant =
                municipality("berge", "+4954356000", "Willkommen bei der Gemeinde Berge.", "08:00", "17:00");
        voice.save(new VoiceSettings(tenant.id(), true, null, 3));
        AgentView agent = agentFor("berge");
        Path dir = Files.createTempDirectory("baresip-caller");
        try (TestPhone agentPhone = new TestPhone(agent.sipUser(), "127.0.0.1", server.port());
                TestPhone ahead = new TestPhone("vorne", "127.0.0.1", server.port())) {
            assertThat(agentPhone.register("demo-voice", 300)).isEqualTo(Response.OK);
            agents.requestState(agent.id(), AgentState.PAUSED, "Test");
            ahead.call("+4954356000");
            assertThat(ahead.awaitResponse(Response.SESSION_PROGRESS, 5))
                    .as("183 with the switchboard's SDP (early media) instead of 182")
                    .isNotNull();

            Process caller = baresip(dir, "buerger5", "sip:+4954356000@127.0.0.1:" + server.port(), 60);
            try {
                Thread.sleep(16_000); // greeting, then "Position 2" and hold music, twice
                agents.requestState(agent.id(), AgentState.AVAILABLE, null);
                assertThat(agentPhone.awaitRequest(Request.INVITE, 5))
                        .as("the call ahead rings")
                        .isNotNull();
                agentPhone.answer();
                Response ok = ahead.awaitResponse(Response.OK, 5);
                assertThat(ok).isNotNull();
                ahead.ack(ok);
                Thread.sleep(26_000); // the round under way ends, then "Position 1"
                stop(caller);
            } finally {
                caller.destroy();
                caller.waitFor();
            }
            ahead.bye();
        }
        Recording heard = Recording.in(dir).orElseThrow(() -> new AssertionError("no recording; " + log(dir)));
        Clip greeting = voice.greeting(tenant);
        assertThat(heard.seconds()).as("recorded the whole wait").isGreaterThan(20);
        assertThat(heard.rms(0, heard.seconds())).as("not silence").isGreaterThan(200);
        double[] greetingAt = heard.bestMatch(greeting, 0, 3);
        assertThat(greetingAt[0]).as("the greeting at the start").isGreaterThan(0.8);
        assertThat(heard.soundRun(greetingAt[1], 0.4))
                .as("the greeting plays its whole length")
                .isGreaterThanOrEqualTo(new Recording(greeting).soundRun(0, 0.4) * 0.9);
        Clip second = voice.positionClip(2);
        Clip first = voice.positionClip(1);
        double[] beforeTwo = heard.bestMatch(second, 0, 15);
        double[] beforeOne = heard.bestMatch(first, 0, 15);
        double[] afterTwo = heard.bestMatch(second, 17, heard.seconds());
        double[] afterOne = heard.bestMatch(first, 17, heard.seconds());
        assertThat(beforeTwo[0]).as("position 2 while the call ahead waits").isGreaterThan(0.85);
        assertThat(beforeTwo[0]).as("… and not position 1").isGreaterThan(beforeOne[0]);
        assertThat(afterOne[0]).as("position 1 once it is answered").isGreaterThan(0.85);
        assertThat(afterOne[0]).as("… and not position 2").isGreaterThan(afterTwo[0]);
    }

    @Test
    void givenClosedMunicipality_whenCalled_thenHearsTheNextOpeningHoursAndThe480() throws Exception {
        TenantInfo tenant = municipality("fuerstenau", "+4959016000", "Willkommen bei der Gemeinde Fürstenau.", "", "");
        voice.save(new VoiceSettings(tenant.id(), true, null, 30));
        Clip announcement = voice.closedAnnouncement(tenant);
        Path dir = Files.createTempDirectory("baresip-closed");
        Process caller = baresip(dir, "buerger6", "sip:+4959016000@127.0.0.1:" + server.port(), 60);
        try {
            long deadline = System.nanoTime()
                    + Duration.ofSeconds(announcement.millis() / 1000 + 20).toNanos();
            while (System.nanoTime() < deadline && !log(dir).contains("480")) {
                Thread.sleep(250);
            }
            assertThat(log(dir))
                    .as("the call ends with 480 after the announcement")
                    .contains("480");
            stop(caller);
        } finally {
            caller.destroy();
            caller.waitFor();
        }
        Recording heard = Recording.in(dir).orElseThrow(() -> new AssertionError("no recording; " + log(dir)));
        assertThat(heard.seconds())
                .as("heard the whole announcement before the 480")
                .isGreaterThanOrEqualTo(announcement.millis() / 1000.0 * 0.95);
        Clip firstTenSeconds = new Clip(java.util.Arrays.copyOf(announcement.samples(), 10 * Clip.RATE));
        assertThat(heard.bestMatch(firstTenSeconds, 0, 3)[0])
                .as("the opening hours announcement")
                .isGreaterThan(0.85);
        assertThat(voice.playing("x")).isFalse();
        assertThat(eventTypes(tenant)).containsExactly("REJECTED_CLOSED");
    }

    @Test
    void givenWaitingCaller_whenPressing1_thenCallbackRingsTheAgentAndThenTheCitizen() throws Exception {
        TenantInfo tenant =
                municipality("bippen", "+4959026000", "Willkommen bei der Gemeinde Bippen.", "08:00", "17:00");
        voice.save(new VoiceSettings(tenant.id(), true, null, 3));
        AgentView agent = agentFor("bippen");
        Path callerDir = Files.createTempDirectory("baresip-caller");
        Path citizenDir = Files.createTempDirectory("baresip-citizen");
        int citizenPort = TestPorts.freeUdpPort();
        voice.useCallbackGateway("127.0.0.1:" + citizenPort);
        Process citizen = baresip(citizenDir, "+4959029999", null, 90, citizenPort);
        try (TestPhone agentPhone = new TestPhone(agent.sipUser(), "127.0.0.1", server.port())) {
            assertThat(agentPhone.register("demo-voice", 300)).isEqualTo(Response.OK);
            agents.requestState(agent.id(), AgentState.PAUSED, "Test");
            Process caller = baresip(callerDir, "+4959029999", "sip:+4959026000@127.0.0.1:" + server.port(), 40);
            try {
                Thread.sleep(6_000); // the greeting and the first announcement (with the callback offer)
                caller.getOutputStream().write('1'); // baresip sends it as RFC 4733 telephone-event
                caller.getOutputStream().flush();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline && !log(callerDir).contains("480")) {
                    Thread.sleep(250);
                }
                assertThat(log(callerDir))
                        .as("the caller's call ends once the callback is noted")
                        .contains("480");
            } finally {
                caller.destroy();
                caller.waitFor();
            }
            assertThat(eventTypes(tenant)).contains("CALLBACK_REQUESTED").doesNotContain("ABANDONED");

            agents.requestState(agent.id(), AgentState.AVAILABLE, null);
            Request ring = agentPhone.awaitRequest(Request.INVITE, 10);
            assertThat(ring).as("the agent's phone rings first").isNotNull();
            assertThat(ring.getHeader("From").toString()).contains("Rückruf +4959029999");
            agentPhone.answer();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline && !eventTypes(tenant).contains("ANSWERED")) {
                Thread.sleep(250);
            }
            assertThat(log(citizenDir)).as("then the citizen's phone").contains("Call established");
            assertThat(eventTypes(tenant))
                    .containsSubsequence("CALLBACK_REQUESTED", "AGENT_RINGING", "CALLBACK_ATTEMPT", "ANSWERED");
            assertThat(details(tenant, "ANSWERED")).singleElement().asString().contains("callback");
            stop(citizen); // the citizen hangs up: the agent's leg ends too
            assertThat(agentPhone.awaitRequest(Request.BYE, 10))
                    .as("BYE to the agent")
                    .isNotNull();
            deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline && !eventTypes(tenant).contains("ENDED")) {
                Thread.sleep(100);
            }
            assertThat(eventTypes(tenant)).endsWith("ENDED");
        } finally {
            voice.useCallbackGateway("");
            citizen.destroy();
            citizen.waitFor();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    TenantInfo municipality(String slug, String number, String greeting, String opens, String closes) {
        if (tenants.findBySlug(slug).isEmpty()) {
            assertThat(mvc.post()
                            .uri("/api/v1/tenants")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                    {"slug": "%s", "name": "Gemeinde %s", "type": "MUNICIPALITY", "ags": "0345%04d",
                     "federalState": "NI", "phoneNumbers": ["%s"], "greeting": "%s",
                     "openingHours": {"weekly": {%s}, "exceptions": []}}
                    """.formatted(
                                            slug,
                                            slug,
                                            Math.abs(slug.hashCode()) % 10000,
                                            number,
                                            greeting,
                                            hours(opens, closes))))
                    .hasStatus(201);
        }
        return tenants.findBySlug(slug).orElseThrow();
    }

    /** Open Monday, Wednesday (the tests' clock) and Thursday; without times only Monday and Thursday 8–17. */
    static String hours(String opens, String closes) {
        String range = "[{\"opens\": \"%s\", \"closes\": \"%s\"}]";
        if (opens.isEmpty()) {
            return "\"MONDAY\": " + range.formatted("08:00", "17:00") + ", \"THURSDAY\": "
                    + range.formatted("08:00", "12:30");
        }
        return "\"MONDAY\": " + range.formatted(opens, closes) + ", \"WEDNESDAY\": " + range.formatted(opens, closes)
                + ", \"THURSDAY\": " + range.formatted(opens, closes);
    }

    List<String> eventTypes(TenantInfo tenant) {
        eventLog.flush(Duration.ofSeconds(5));
        return jdbc.queryForList(
                "select type from call_event where tenant_id = ? and type <> 'AGENT_STATE_CHANGED' order by sequence",
                String.class,
                tenant.id());
    }

    List<String> details(TenantInfo tenant, String type) {
        eventLog.flush(Duration.ofSeconds(5));
        return jdbc.queryForList(
                "select detail from call_event where tenant_id = ? and type = ? order by sequence",
                String.class,
                tenant.id(),
                type);
    }

    AgentView agentFor(String slug) {
        String user = "voice-" + slug + "-" + UUID.randomUUID().toString().substring(0, 6);
        return agents.create(new AgentData(
                user, "demo-voice", "Stimme " + slug, null, List.of(new AgentData.SkillData(slug, "", 5))));
    }

    Process baresip(Path dir, String user, String dial, int seconds) throws IOException {
        return baresip(dir, user, dial, seconds, TestPorts.freeUdpPort());
    }

    /**
     * baresip with the {@code aubridge} module as sound card (it clocks playback without hardware, so the
     * {@code sndfile} module records every received frame to {@code dump-…-dec.wav}) and {@code stdio} for keys:
     * a digit typed in a call is sent as an RFC 4733 telephone-event.
     */
    Process baresip(Path dir, String user, String dial, int seconds, int sipPort) throws IOException {
        Files.writeString(dir.resolve("config"), """
                poll_method poll
                sip_listen 127.0.0.1:%d
                sip_trans_def udp
                audio_source aubridge,%s
                audio_player aubridge,%s
                audio_alert aubridge,alert
                module_path /usr/lib/baresip/modules
                module g711.so
                module aubridge.so
                module sndfile.so
                snd_path %s
                module stdio.so
                module_app account.so
                module_app menu.so
                """.formatted(sipPort, dir.getFileName(), dir.getFileName(), dir));
        Files.writeString(
                dir.resolve("accounts"),
                "<sip:%s@127.0.0.1>;regint=0;answermode=auto;audio_codecs=PCMU\n".formatted(user));
        Files.writeString(dir.resolve("contacts"), "");
        List<String> command = new java.util.ArrayList<>(
                List.of(BARESIP.toString(), "-f", dir.toString(), "-t", String.valueOf(seconds)));
        if (dial != null) {
            command.addAll(List.of("-e", "/dial " + dial));
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    static void stop(Process baresip) throws Exception {
        baresip.getOutputStream().write("bq".getBytes()); // stdio keys: b hangs up, q quits
        baresip.getOutputStream().flush();
        baresip.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("baresip.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
