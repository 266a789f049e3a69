package de.buergerservice.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    // --- issue 11: codes the RFC names, and what the parser let pass (findings 1, 6, 7) ----------------------

    /** A request from {@code peer} (its Via, so the answer comes back), Content-Length 0. */
    static String request(RawSip peer, String startLine, String callIdLines, String extra) {
        return startLine + "\r\n"
                + peer.via()
                + "Max-Forwards: 70\r\n"
                + "From: <sip:boese@127.0.0.1>;tag=x1\r\n"
                + "To: <sip:+4954311820@127.0.0.1>\r\n"
                + callIdLines
                + "CSeq: 1 " + startLine.substring(0, startLine.indexOf(' ')) + "\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    String invite() {
        return "INVITE sip:+4954311820@127.0.0.1:" + server.port() + " SIP/2.0";
    }

    static String callId() {
        return "Call-ID: " + RawSip.newCallId() + "\r\n";
    }

    static final String CONTACT = "Contact: <sip:boese@127.0.0.1:9>\r\n";

    /** The final answer (or null: dropped) to one message. */
    RawSip.Message finalAnswer(java.util.function.Function<RawSip, String> message) throws Exception {
        try (RawSip peer = RawSip.udp(server.port())) {
            peer.send(message.apply(peer));
            return peer.awaitFinal(2);
        }
    }

    void assertAnswered(java.util.function.Function<RawSip, String> message, int status, String reasonPart)
            throws Exception {
        RawSip.Message answer = finalAnswer(message);
        assertThat(answer).as("a final answer").isNotNull();
        assertThat(answer.status()).as(answer.startLine()).isEqualTo(status);
        if (reasonPart != null) {
            assertThat(answer.startLine()).contains(reasonPart);
        }
    }

    @Test
    void givenSip30Request_then505AndNothingQueued() throws Exception {
        assertAnswered(p -> request(p, invite().replace("SIP/2.0", "SIP/3.0"), callId(), CONTACT), 505, null);
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenTwoCallIdHeaders_then400AndNothingQueued() throws Exception {
        assertAnswered(p -> request(p, invite(), callId() + callId(), CONTACT), 400, "mehrfach");
        assertAnswered(
                p -> request(p, invite(), callId() + "i: kurz-" + System.nanoTime() + "\r\n", CONTACT),
                400,
                "mehrfach");
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenInviteWithContactStar_then400AndNothingQueued() throws Exception {
        assertAnswered(p -> request(p, invite(), callId(), "Contact: *\r\n"), 400, "Contact");
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenTelOrSipsRequestUri_then416() throws Exception {
        assertAnswered(p -> request(p, "INVITE tel:+4954311820 SIP/2.0", callId(), CONTACT), 416, null);
        assertAnswered(
                p -> request(p, "INVITE sips:+4954311820@127.0.0.1:" + server.port() + " SIP/2.0", callId(), CONTACT),
                416,
                "sips");
        assertAnswered(p -> request(p, "OPTIONS tel:+4954311820 SIP/2.0", callId(), ""), 416, null);
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenByeWithMaxForwardsZero_then483() throws Exception {
        assertAnswered(
                p -> request(
                                p,
                                "BYE sip:agent1@127.0.0.1:9 SIP/2.0",
                                callId(),
                                "Route: <sip:127.0.0.1:" + server.port() + ";lr>\r\n")
                        .replace("Max-Forwards: 70", "Max-Forwards: 0")
                        .replace("To: <sip:+4954311820@127.0.0.1>", "To: <sip:+4954311820@127.0.0.1>;tag=t1"),
                483,
                null);
        assertAnswered(
                p -> request(p, invite(), callId(), CONTACT).replace("Max-Forwards: 70", "Max-Forwards: 0"), 483, null);
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenAbsurdHeaderSizes_then400WithReasonAndNothingQueued() throws Exception {
        String longCallId = "Call-ID: " + "a".repeat(1025) + "\r\n";
        assertAnswered(p -> request(p, invite(), longCallId, CONTACT), 400, "Call-ID zu lang");
        assertAnswered(
                p -> request(p, invite(), callId(), CONTACT).replace(";tag=x1", ";tag=" + "t".repeat(200)),
                400,
                "Tag zu lang");
        assertAnswered(
                p -> request(p, invite(), callId(), CONTACT + "Subject: " + "s".repeat(3000) + "\r\n"), 400, "zu lang");
        try (RawSip peer = RawSip.udp(server.port())) {
            String longest = "Call-ID: " + "b".repeat(1024) + "\r\n";
            String invite = request(peer, invite(), longest, CONTACT);
            peer.send(invite);
            assertThat(peer.await(m -> m.status() == 182 || m.status() == 180, 5))
                    .as("a Call-ID of 1,024 characters is taken (stored as prefix + hash)")
                    .isNotNull();
            String via = invite.substring(invite.indexOf("Via:"), invite.indexOf("\r\n", invite.indexOf("Via:")) + 2);
            String cancel =
                    request(peer, "CANCEL sip:+4954311820@127.0.0.1:" + server.port() + " SIP/2.0", longest, "");
            peer.send(cancel.replaceFirst("Via: [^\r]*\r\n", java.util.regex.Matcher.quoteReplacement(via)));
            assertThat(peer.awaitStatus(487, 5)).as("487 after CANCEL").isNotNull();
        }
        assertStillServingAndNothingQueued();
    }

    @Test
    void givenHostileMessages_thenNeverServerError() throws Exception {
        List<java.util.function.Function<RawSip, String>> hostile = List.of(
                p -> request(p, invite().replace("SIP/2.0", "SIP/3.0"), callId(), CONTACT),
                p -> request(p, invite(), callId() + callId(), CONTACT),
                p -> request(p, invite(), callId(), "Contact: *\r\n"),
                p -> request(p, "INVITE tel:+4954311820 SIP/2.0", callId(), CONTACT),
                p -> request(p, "INVITE sips:x@127.0.0.1 SIP/2.0", callId(), CONTACT),
                p -> request(p, "MESSAGE tel:110 SIP/2.0", callId(), ""),
                p -> request(p, "BYE sip:x@127.0.0.1:9 SIP/2.0", callId(), "")
                        .replace("Max-Forwards: 70", "Max-Forwards: 0"),
                p -> request(p, "BYE sip:x@127.0.0.1:9 SIP/2.0", callId(), "")
                        .replace("Max-Forwards: 70", "Max-Forwards: 0")
                        .replace("To: <sip:+4954311820@127.0.0.1>", "To: <sip:x@127.0.0.1>;tag=t"),
                p -> request(p, "ACK sip:x@127.0.0.1:9 SIP/2.0", callId(), "")
                        .replace("Max-Forwards: 70", "Max-Forwards: 0"),
                p -> request(p, "REFER sip:x@127.0.0.1:9 SIP/2.0", callId(), "Refer-To: <sip:110@127.0.0.1>\r\n")
                        .replace("To: <sip:+4954311820@127.0.0.1>", "To: <sip:x@127.0.0.1>;tag=t"),
                p -> request(p, "UPDATE sip:x@127.0.0.1:9 SIP/2.0", callId(), ""),
                p -> request(p, invite(), callId(), CONTACT).replace("SIP/2.0/UDP", "SIP/2.0/FOO"),
                p -> request(p, invite(), callId(), CONTACT).replace("Max-Forwards: 70\r\n", ""),
                p -> request(p, "CANCEL sip:+4954311820@127.0.0.1 SIP/2.0", callId(), ""),
                p -> request(p, "OPTIONS sip:127.0.0.1:" + server.port() + " SIP/2.0", callId(), "")
                        .replace("Max-Forwards: 70", "Max-Forwards: 0"));
        for (var message : hostile) {
            RawSip.Message answer = finalAnswer(message);
            assertThat(answer == null || answer.status() < 500 || answer.status() == 505)
                    .as("%s", answer)
                    .isTrue();
        }
        assertStillServingAndNothingQueued();
    }
}
