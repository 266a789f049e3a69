package de.buergerservice.telephony.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** RTP header (RFC 3550 §5.1), telephone-events (RFC 4733), SDP offer/answer and the playlist's framing. */
class RtpPacketizerTests {

    @Test
    void givenPackets_whenWritten_thenHeaderFieldsAdvanceAsTheRfcSays() {
        RtpPacketizer rtp = new RtpPacketizer(8, 0x11223344, 0xFFFF, 1000);
        ByteBuffer out = ByteBuffer.allocate(200);
        byte[] payload = new byte[160];
        rtp.next(out, payload, 160, 160);
        assertThat(out.remaining()).isEqualTo(172);
        assertThat(out.get(0) & 0xFF).as("V=2, no padding/extension/CSRC").isEqualTo(0x80);
        assertThat(out.get(1) & 0xFF).as("marker on the first packet, PT 8").isEqualTo(0x88);
        assertThat(out.getShort(2) & 0xFFFF).isEqualTo(0xFFFF);
        assertThat(out.getInt(4)).isEqualTo(1000);
        assertThat(out.getInt(8)).isEqualTo(0x11223344);
        rtp.next(out, payload, 160, 160);
        assertThat(out.get(1) & 0xFF).as("no marker after the first").isEqualTo(0x08);
        assertThat(out.getShort(2) & 0xFFFF).as("sequence wraps at 16 bits").isEqualTo(0);
        assertThat(out.getInt(4)).as("timestamp + 160 samples (20 ms at 8 kHz)").isEqualTo(1160);
        rtp.skip(320);
        rtp.next(out, payload, 160, 160);
        assertThat(out.getInt(4)).as("a gap still advances the timestamp").isEqualTo(1640);
        assertThat(out.get(1) & 0xFF).as("… and starts a talk spurt").isEqualTo(0x88);
    }

    @Test
    void givenStreams_whenCreated_thenEachHasItsOwnRandomSsrc() {
        assertThat(new RtpPacketizer(0).ssrc()).isNotEqualTo(new RtpPacketizer(0).ssrc());
    }

    @Test
    void givenTelephoneEventPayload_whenParsed_thenDigitAndEndBit() {
        ByteBuffer payload = ByteBuffer.wrap(new byte[] {1, (byte) 0x8A, 0x03, 0x20});
        assertThat(TelephoneEvent.parse(payload)).contains(new TelephoneEvent('1', true, 800));
        assertThat(TelephoneEvent.parse(ByteBuffer.wrap(new byte[] {11, 0x0A, 0, (byte) 160})))
                .contains(new TelephoneEvent('#', false, 160));
        assertThat(TelephoneEvent.parse(ByteBuffer.wrap(new byte[] {1, 0}))).isEmpty();
    }

    @Test
    void givenInfoBodies_whenRead_thenTheDigit() {
        assertThat(TelephoneEvent.fromInfo("dtmf-relay", "Signal=1\r\nDuration=160\r\n"))
                .contains('1');
        assertThat(TelephoneEvent.fromInfo("dtmf-relay", "Signal=*\r\n")).contains('*');
        assertThat(TelephoneEvent.fromInfo("dtmf", "5")).contains('5');
        assertThat(TelephoneEvent.fromInfo("dtmf-relay", "Duration=160")).isEmpty();
        assertThat(TelephoneEvent.fromInfo("plain", "Signal=1")).isEmpty();
    }

    @Test
    void givenOffer_whenParsed_thenFirstG711AndTelephoneEventAnswered() {
        String offer = "v=0\r\no=- 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                + "m=audio 40002 RTP/AVP 9 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
        Optional<Sdp.Offer> parsed = Sdp.parse(offer.getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed).isPresent();
        assertThat(parsed.get().rtp().getHostString()).isEqualTo("10.0.0.5");
        assertThat(parsed.get().rtp().getPort()).isEqualTo(40002);
        assertThat(parsed.get().codec()).as("the caller's first G.711").isEqualTo(G711.Codec.PCMA);
        assertThat(parsed.get().telephoneEvent()).isEqualTo(101);
        String answer = new String(Sdp.answer("127.0.0.1", 20000, 7, G711.Codec.PCMA, 101), StandardCharsets.US_ASCII);
        assertThat(answer)
                .contains("m=audio 20000 RTP/AVP 8 101\r\n")
                .contains("a=rtpmap:8 PCMA/8000")
                .contains("telephone-event/8000")
                .contains("a=ptime:20");
        assertThat(Sdp.parse("v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 9\r\n".getBytes()))
                .as("G.722 only: no early media")
                .isEmpty();
        assertThat(Sdp.parse(new byte[0])).isEmpty();
    }

    @Test
    void givenPlaylist_whenPlayed_thenPartsInOrderLoopedHoldAndEnd() {
        Clip one = new Clip(filled(240, (short) 1));
        Clip hold = new Clip(filled(100, (short) 2));
        Playlist playlist = new Playlist(
                java.util.List.of(
                        Playlist.Part.once(java.util.concurrent.CompletableFuture.completedFuture(one)),
                        Playlist.Part.looped(java.util.concurrent.CompletableFuture.completedFuture(hold), 50)),
                null);
        short[] frame = new short[160];
        assertThat(playlist.fill(frame)).isTrue();
        assertThat(frame[0]).isEqualTo((short) 1);
        assertThat(playlist.fill(frame)).isTrue();
        assertThat(frame[79]).isEqualTo((short) 1);
        assertThat(frame[80]).as("the hold clip follows, looped").isEqualTo((short) 2);
        assertThat(frame[159]).isEqualTo((short) 2);
        assertThat(playlist.fill(frame))
                .as("50 ms of hold = 400 samples, 320 left")
                .isTrue();
        assertThat(frame[159]).isEqualTo((short) 2);
        assertThat(playlist.fill(frame)).isTrue();
        assertThat(frame[159]).as("the last 160 of the 400").isEqualTo((short) 2);
        assertThat(playlist.fill(frame)).as("no refill: the playlist ends").isFalse();
    }

    private static short[] filled(int length, short value) {
        short[] samples = new short[length];
        java.util.Arrays.fill(samples, value);
        return samples;
    }
}
