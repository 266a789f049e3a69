package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.StoredCallId;
import de.buergerservice.telephony.internal.sip.SipServer;

/**
 * Finding 1 of issue 11 over real SIP: an INVITE with a 317-character Call-ID (SIP sets no limit) is queued, and its
 * events — and every event after it — reach the database; the Call-ID is stored in its stable shortened form.
 */
@IntegrationTest
@Import(SipCallTests.WednesdayMorning.class)
@TestPropertySource(properties = SipCallTests.QUICK_182)
class LongCallIdSipTests {

    @Autowired
    SipServer server;

    @Autowired
    CallEventLog events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenInviteWith317CharacterCallId_thenItsEventsAndLaterOnesAreWritten() throws Exception {
        String callId =
                "a".repeat(282) + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + "@boese.test";
        assertThat(callId).hasSize(317);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(5000);
            String branch = "z9hG4bK" + System.nanoTime();
            String headers = "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=" + branch + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:lang@127.0.0.1>;tag=l1\r\n"
                    + "To: <sip:+4954311820@127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\n";
            send(
                    socket,
                    "INVITE sip:+4954311820@127.0.0.1:" + server.port() + " SIP/2.0\r\n" + headers
                            + "CSeq: 1 INVITE\r\nContact: <sip:lang@127.0.0.1:" + socket.getLocalPort() + ">\r\n"
                            + "Content-Length: 0\r\n\r\n");
            assertThat(receiveUntil(socket, " 182 ")).as("queued like any call").isTrue();
            send(
                    socket,
                    "CANCEL sip:+4954311820@127.0.0.1:" + server.port() + " SIP/2.0\r\n" + headers
                            + "CSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n");
            assertThat(receiveUntil(socket, " 487 ")).isTrue();
        }
        assertThat(events.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(jdbc.queryForList(
                        "select type from call_event where call_id = ? and type <> 'AGENT_STATE_CHANGED'"
                                + " order by sequence",
                        String.class,
                        StoredCallId.of(callId)))
                .startsWith("CALL_OFFERED", "QUEUED")
                .endsWith("ABANDONED");
    }

    void send(DatagramSocket socket, String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName("127.0.0.1"), server.port()));
    }

    boolean receiveUntil(DatagramSocket socket, String status) throws Exception {
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return false;
            }
            String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith("SIP/2.0" + status)) {
                return true;
            }
        }
        return false;
    }
}
