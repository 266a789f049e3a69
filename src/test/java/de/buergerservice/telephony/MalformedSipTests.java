package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.telephony.internal.sip.SipServer;

/**
 * Broken SIP sent over a raw UDP socket: the server answers 400 or drops it, never crashes, and never keeps a
 * queue slot for it. After each attack an OPTIONS still gets 200 and no call is waiting.
 */
@IntegrationTest
@Import(SipCallTests.WednesdayMorning.class)
@TestPropertySource(properties = SipCallTests.QUICK_182)
class MalformedSipTests {

    @Autowired
    SipServer server;

    @Autowired
    Switchboard switchboard;

    String invite(String callIdHeader, String extraHeaders, String contentLength) {
        return "INVITE sip:+4954311820@127.0.0.1:" + server.port() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:boese@127.0.0.1>;tag=x1\r\n"
                + "To: <sip:+4954311820@127.0.0.1>\r\n"
                + callIdHeader
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:boese@127.0.0.1:9>\r\n"
                + extraHeaders
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    String exchange(byte[] message) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(1500);
            socket.send(new DatagramPacket(message, message.length, InetAddress.getByName("127.0.0.1"), server.port()));
            byte[] buffer = new byte[8192];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(answer);
                return new String(buffer, 0, answer.getLength(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException dropped) {
                return "";
            }
        }
    }

    String optionsFromSocket() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(3000);
            String options = "OPTIONS sip:127.0.0.1:" + server.port() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK" + System.nanoTime()
                    + "\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:127.0.0.1>\r\n"
                    + "Call-ID: probe-" + System.nanoTime() + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            byte[] bytes = options.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName("127.0.0.1"), server.port()));
            byte[] buffer = new byte[8192];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            socket.receive(answer);
            return new String(buffer, 0, answer.getLength(), StandardCharsets.UTF_8);
        }
    }

    void assertStillServingAndNothingQueued() throws Exception {
        assertThat(optionsFromSocket()).startsWith("SIP/2.0 200");
        assertThat(server.activeCalls()).isZero();
        assertThat(switchboard.snapshot().queues())
                .allSatisfy(q -> assertThat(q.waiting()).isZero());
    }

    /** Either no answer at all or a 400: nothing else is acceptable for garbage. */
    static void assertRejectedOrDropped(String answer) {
        assertThat(answer.isEmpty() || answer.startsWith("SIP/2.0 400"))
                .as("answer: %s", answer)
                .isTrue();
    }

    @Test
    void givenGarbageBytes_thenDroppedAndServerUp() throws Exception {
        byte[] garbage = new byte[1200];
        new Random(42).nextBytes(garbage);
        assertRejectedOrDropped(exchange(garbage));
        assertRejectedOrDropped(exchange("\r\n\r\nHELLO WORLD\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenMissingCallId_thenRejectedAndNoSlotTaken() throws Exception {
        assertRejectedOrDropped(exchange(invite("", "", "0").getBytes(StandardCharsets.UTF_8)));
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenBrokenHeaders_thenRejectedAndNoSlotTaken() throws Exception {
        String broken = invite("Call-ID: broken-1\r\n", "CSeq: eins zwei\r\nVia: ???\r\n", "0");
        assertRejectedOrDropped(exchange(broken.getBytes(StandardCharsets.UTF_8)));
        String noColon = invite("Call-ID: broken-2\r\n", "Dies ist kein Header\r\n", "0");
        assertRejectedOrDropped(exchange(noColon.getBytes(StandardCharsets.UTF_8)));
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenHugeContentLength_thenRejectedAndNoSlotTaken() throws Exception {
        String huge = invite("Call-ID: huge-1\r\n", "Content-Type: application/sdp\r\n", "2147483647") + "v=0\r\n";
        assertRejectedOrDropped(exchange(huge.getBytes(StandardCharsets.UTF_8)));
        String negative = invite("Call-ID: huge-2\r\n", "", "-5");
        assertRejectedOrDropped(exchange(negative.getBytes(StandardCharsets.UTF_8)));
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenDatagramLargerThanMaxMessageSize_thenRejectedAndNoSlotTaken() throws Exception {
        // 20 KB of SDP over UDP: cut at the receive buffer (buergerservice.sip.max-message-size, 8 KB), so the
        // Content-Length no longer matches what arrived
        String sdp = "v=0\r\n" + "a=x-padding:0123456789abcdef0123456789abcdef\r\n".repeat(450);
        String oversized =
                invite("Call-ID: oversized-1\r\n", "Content-Type: application/sdp\r\n", String.valueOf(sdp.length()))
                        + sdp;
        assertThat(oversized.length()).isGreaterThan(16_000);
        assertRejectedOrDropped(exchange(oversized.getBytes(StandardCharsets.UTF_8)));
        assertStillServingAndNothingQueued();
    }
}
