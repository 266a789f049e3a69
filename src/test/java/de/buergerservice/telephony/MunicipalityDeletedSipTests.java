package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;

import javax.sip.message.Response;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.telephony.internal.sip.SipServer;

/**
 * Over real SIP: a caller waits in a municipality's queue while the municipality is deleted. The caller hears a
 * final answer (410) instead of waiting for ever, the log says why, and the number is no longer served. Same
 * context as {@link SipCallTests} (Wednesday morning, quick 182).
 */
@IntegrationTest
@Import(SipCallTests.WednesdayMorning.class)
@TestPropertySource(properties = SipCallTests.QUICK_182)
class MunicipalityDeletedSipTests {

    static final String NUMBER = "+4954317005";

    @Autowired
    SipServer server;

    @Autowired
    Switchboard switchboard;

    @Autowired
    CallEventLog eventLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @Test
    void givenCallerWaiting_whenMunicipalityDeleted_thenCallerGets410AndTheNumberIsGone() throws Exception {
        assertThat(mvc.post()
                        .uri("/api/v1/tenants")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"slug": "heidekamp", "name": "Stadt Heidekamp", "type": "MUNICIPALITY",
                                 "ags": "03459075", "federalState": "NI", "phoneNumbers": ["%s"],
                                 "greeting": "Stadt Heidekamp, guten Tag",
                                 "openingHours": {"weekly": {"WEDNESDAY": [{"opens": "07:00", "closes": "19:00"}]},
                                                  "exceptions": []}}
                                """.formatted(NUMBER)))
                .hasStatus(201);
        try (TestPhone caller = new TestPhone("buerger-qb", "127.0.0.1", server.port());
                TestPhone late = new TestPhone("buerger-qb2", "127.0.0.1", server.port())) {
            caller.call(NUMBER);
            assertThat(caller.awaitResponse(Response.QUEUED, 5))
                    .as("waits: no agent has Heidekamp's skill")
                    .isNotNull();

            assertThat(mvc.delete().uri("/api/v1/tenants/heidekamp").with(httpBasic("admin", "demo")))
                    .hasStatus(204);

            Response gone = caller.awaitResponse(Response.GONE, 5);
            assertThat(gone).as("final answer to the waiting caller").isNotNull();
            assertThat(gone.getReasonPhrase()).isEqualTo("Rufnummer nicht mehr vergeben");
            assertThat(switchboard.isActive(caller.callId())).isFalse();
            assertThat(eventLog.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(jdbc.queryForList(
                            "select type from call_event where call_id = ? and type <> 'AGENT_STATE_CHANGED'"
                                    + " order by sequence",
                            String.class,
                            caller.callId()))
                    .containsExactly("CALL_OFFERED", "QUEUED", "QUEUE_REMOVED");

            // a caller right after: the number is no longer served (even while a look-up cache still knows it)
            late.call(NUMBER);
            Response notFound = late.awaitResponse(Response.NOT_FOUND, 5);
            assertThat(notFound).isNotNull();
            assertThat(jdbc.queryForObject(
                            "select count(*) from telephony_queue where name = 'Stadt Heidekamp'", Integer.class))
                    .isZero();
        }
    }
}
