package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.bench.CallEventAudit;
import de.buergerservice.telephony.bench.LoadPlan;
import de.buergerservice.telephony.bench.SipLoadRun;
import de.buergerservice.telephony.bench.SipLoadRun.LoadFixture;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.sip.SipServer;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * The SIP load generator of the benchmark at a tiny scale against the application under test: 20 agent phones,
 * 50 calls held waiting, 100 calls answered and hung up. Checks function, never speed: every call completes, the
 * waiting calls stay queued throughout, and the call-event table holds each expected event exactly once.
 */
@IntegrationTest
@Import(SipCallTests.WednesdayMorning.class)
@TestPropertySource(properties = SipCallTests.QUICK_182)
class SipLoadTests {

    @Autowired
    SipServer server;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    QueueService queues;

    @Autowired
    CallEventLog eventLog;

    @Autowired
    DataSource dataSource;

    void post(String uri, String json) {
        assertThat(mvc.post()
                        .uri(uri)
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .hasStatus(201);
    }

    @Test
    void givenLoadGenerator_whenSmallRun_thenEveryCallCompletesAndEveryEventIsStoredOnce() throws Exception {
        post("/api/v1/tenants", LoadFixture.tenant("lastprobe", "Gemeinde Lastprobe", "03459950", "+4954190011"));
        post("/api/v1/tenants", LoadFixture.tenant("wartprobe", "Gemeinde Wartprobe", "03459951", "+4954190012"));
        assertThat(mvc.put()
                        .uri("/api/v1/tenants/lastprobe/telephony")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(LoadFixture.line("Lastprobe")))
                .hasStatusOk();
        List<String> users = SipLoadRun.agentUsers("lastprobe", 20);
        post("/api/v1/telephony/agents/bulk", LoadFixture.agents(users, "probe-pw", "lastprobe"));
        UUID waitingTenant = tenants.findBySlug("wartprobe").orElseThrow().id();

        String prefix = "probe-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        LoadPlan plan = new LoadPlan(
                "127.0.0.1",
                server.port(),
                users,
                "probe-pw",
                "+4954190011",
                "+4954190012",
                50,
                50,
                Duration.ZERO,
                Duration.ofSeconds(2),
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                prefix,
                () -> queues.view(waitingTenant).waiting());
        SipLoadRun.Report report = SipLoadRun.execute(plan, System.out);
        report.print(System.out);

        assertThat(report.registered()).isEqualTo(20);
        assertThat(report.heldBefore()).as("waiting calls held by the server").isEqualTo(50);
        assertThat(report.heldAfter()).isEqualTo(50);
        assertThat(report.attempts()).isEqualTo(100);
        assertThat(report.failures()).isEmpty();
        assertThat(report.allCompleted()).isTrue();
        assertThat(report.inviteTo182().count()).isEqualTo(100);
        assertThat(report.answerRelay().count()).isEqualTo(100);

        assertThat(eventLog.flush(Duration.ofSeconds(10))).isTrue();
        try (Connection connection = dataSource.getConnection()) {
            CallEventAudit.Result audit =
                    CallEventAudit.check(connection, prefix, report.answered(), report.abandoned(), report.unchecked());
            assertThat(audit.lost()).as(audit.toString()).isZero();
            assertThat(audit.duplicated()).as(audit.toString()).isZero();
            assertThat(audit.sequenceGaps()).as(audit.toString()).isZero();
            assertThat(audit.unknownCalls()).isZero();
            assertThat(audit.rows()).isEqualTo(100 * 7 + 50 * 3);
        }
        assertThat(server.activeCalls()).isZero();
    }
}
