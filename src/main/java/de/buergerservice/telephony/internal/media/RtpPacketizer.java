package de.buergerservice.telephony.internal.media;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * RTP packets of one outgoing stream (RFC 3550 §5.1): version 2, no padding, extension or CSRC; a random SSRC and
 * random initial sequence number and timestamp (§5.1, so a known-plaintext start is avoided), sequence +1 per
 * packet, timestamp + samples per packet (8 kHz clock for G.711, RFC 3551 §4.5.14). The marker bit is set on the
 * first packet of a talk spurt (§5.1, RFC 3551 §4.1). Written here rather than taken from a library: the header is
 * twelve bytes, and the maintained Java RTP stacks (Jitsi's libjitsi, Restcomm's media server) would bring a
 * whole media server with them.
 */
public final class RtpPacketizer {

    public static final int HEADER_BYTES = 12;
    private static final RandomGenerator RANDOM = new SecureRandom();

    private final int payloadType;
    private final int ssrc;
    private int sequence;
    private int timestamp;
    private boolean marker = true;

    public RtpPacketizer(int payloadType) {
        this(payloadType, RANDOM.nextInt(), RANDOM.nextInt(1 << 16), RANDOM.nextInt());
    }

    RtpPacketizer(int payloadType, int ssrc, int firstSequence, int firstTimestamp) {
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.sequence = firstSequence & 0xFFFF;
        this.timestamp = firstTimestamp;
    }

    public int ssrc() {
        return ssrc;
    }

    /** Writes header and payload into {@code out} (cleared first, flipped after) and advances by {@code samples}. */
    public void next(ByteBuffer out, byte[] payload, int length, int samples) {
        out.clear();
        out.put((byte) 0x80);
        out.put((byte) ((marker ? 0x80 : 0) | payloadType));
        out.putShort((short) sequence);
        out.putInt(timestamp);
        out.putInt(ssrc);
        out.put(payload, 0, length);
        out.flip();
        marker = false;
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += samples;
    }

    /** A gap in the audio (nothing sent): the timestamp still runs, the next packet starts a talk spurt. */
    public void skip(int samples) {
        timestamp += samples;
        marker = true;
    }

    /** Sequence number of the next packet. */
    int sequence() {
        return sequence;
    }

    int timestamp() {
        return timestamp;
    }
}
