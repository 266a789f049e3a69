package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sip.message.Response;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.AgentData;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.AgentView;
import de.buergerservice.telephony.internal.sip.SipServer;

/**
 * A real SIP phone from Debian — baresip — registers as an agent with digest authentication and auto-answers a
 * call that a citizen places to Artland's number: not only the Java stack talking to itself. Skipped when baresip
 * is not installed, except in CI ({@code CI=true}), where .ci/run installs it.
 */
@IntegrationTest
@Import(SipCallTests.WednesdayMorning.class)
@TestPropertySource(properties = SipCallTests.QUICK_182)
class BaresipTests {

    static final Path BARESIP = Path.of("/usr/bin/baresip");

    @Autowired
    SipServer server;

    @Autowired
    AgentService agents;

    @Test
    void givenBaresipAsAgent_whenCitizenCalls_thenItRingsAnswersAndHangsUp() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Files.isExecutable(BARESIP), "baresip not installed (/usr/bin/baresip), skipped");
        assertThat(BARESIP).as("CI installs baresip (.ci/run)").isExecutable();

        AgentView phoneAgent = agents.create(new AgentData(
                "baresip1",
                "demo-baresip",
                "Baresip Telefon",
                null,
                List.of(new AgentData.SkillData("artland", "", 5))));
        pauseOthers(phoneAgent.id());
        Path config = Files.createTempDirectory("baresip");
        Process baresip = startBaresip(config, phoneAgent.sipUser(), "demo-baresip");
        try (TestPhone citizen = new TestPhone("buerger2", "127.0.0.1", server.port())) {
            awaitRegistered(phoneAgent.id(), baresip, config);
            assertThat(agents.get(phoneAgent.id()).state()).isEqualTo(AgentState.AVAILABLE);

            citizen.call(SipCallTests.ARTLAND);
            assertThat(citizen.awaitResponse(Response.QUEUED, 5)).isNotNull();
            Response ok = citizen.awaitResponse(Response.OK, 15);
            assertThat(ok).as("baresip answered (log: %s)", log(config)).isNotNull();
            assertThat(new String(ok.getRawContent()))
                    .as("baresip's own SDP reaches the caller")
                    .contains("m=audio");
            citizen.ack(ok);
            assertThat(agents.get(phoneAgent.id()).state()).isEqualTo(AgentState.TALKING);
            citizen.bye();
            assertThat(citizen.awaitResponse(Response.OK, 5))
                    .as("baresip confirms BYE")
                    .isNotNull();
            assertThat(agents.get(phoneAgent.id()).state()).isEqualTo(AgentState.WRAP_UP);
        } finally {
            baresip.destroy();
            baresip.waitFor();
        }
    }

    void pauseOthers(UUID except) {
        agents.list().stream()
                .filter(a -> !a.id().equals(except))
                .filter(a -> a.state() == AgentState.AVAILABLE || a.state() == AgentState.WRAP_UP)
                .forEach(a -> agents.requestState(a.id(), AgentState.PAUSED, "Test"));
    }

    Process startBaresip(Path dir, String user, String password) throws IOException {
        int sipPort = TestPorts.freeUdpPort();
        Files.writeString(dir.resolve("config"), """
                poll_method poll
                sip_listen 127.0.0.1:%d
                sip_trans_def udp
                audio_source alsa,null
                audio_player alsa,null
                audio_alert alsa,null
                module_path /usr/lib/baresip/modules
                module g711.so
                module alsa.so
                module_app account.so
                module_app menu.so
                """.formatted(sipPort));
        Files.writeString(
                dir.resolve("accounts"),
                "<sip:%s@127.0.0.1:%d;transport=udp>;auth_pass=%s;".formatted(user, server.port(), password)
                        + "answermode=auto;regint=120;audio_codecs=PCMU\n");
        Files.writeString(dir.resolve("contacts"), "");
        return new ProcessBuilder(BARESIP.toString(), "-f", dir.toString(), "-t", "60")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    void awaitRegistered(UUID agentId, Process baresip, Path config) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (agents.get(agentId).phoneRegistered()) {
                return;
            }
            assertThat(baresip.isAlive())
                    .as("baresip running (log: %s)", log(config))
                    .isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("baresip did not register; log: " + log(config));
    }

    static String log(Path config) {
        try {
            return Files.readString(config.resolve("baresip.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
