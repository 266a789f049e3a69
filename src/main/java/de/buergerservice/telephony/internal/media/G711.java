package de.buergerservice.telephony.internal.media;

/**
 * ITU-T G.711 companding of 16-bit linear samples: µ-law (PCMU, payload type 0) and A-law (PCMA, payload type 8),
 * the two codecs every phone and trunk speaks (RFC 3551 §4.5.14). Encoding follows the segment tables of G.711
 * (as in the reference code of ITU-T G.191 and Sun's g711.c); decoding uses 256-entry tables built from the same
 * rules.
 */
public final class G711 {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = decodeUlaw((byte) i);
            ALAW_TO_LINEAR[i] = decodeAlaw((byte) i);
        }
    }

    private G711() {}

    /** One linear sample to µ-law. */
    public static byte linearToUlaw(int sample) {
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        if (sample > CLIP) {
            sample = CLIP;
        }
        sample += BIAS;
        int exponent = exponent(sample);
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /**
     * One linear sample to A-law (13-bit magnitude, even bits inverted as G.711 sends them; Sun's g711.c
     * {@code linear2alaw}).
     */
    public static byte linearToAlaw(int sample) {
        int pcm = sample >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int segment = 0;
        while (segment < 8 && pcm > (0x20 << segment) - 1) {
            segment++;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int code = segment << 4;
        code |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        return (byte) (code ^ mask);
    }

    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    /** Segment (0–7) of a biased magnitude: position of its highest set bit above bit 7. */
    private static int exponent(int magnitude) {
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        return exponent;
    }

    private static short decodeUlaw(byte code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
    }

    private static short decodeAlaw(byte code) {
        int a = (code & 0xFF) ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        switch (segment) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= segment - 1;
            }
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    /** Encodes {@code samples} into {@code out} with the codec of {@code payloadType} (0 PCMU, 8 PCMA). */
    public static void encode(short[] samples, int offset, int length, byte[] out, int payloadType) {
        if (payloadType == Codec.PCMA.payloadType) {
            for (int i = 0; i < length; i++) {
                out[i] = linearToAlaw(samples[offset + i]);
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = linearToUlaw(samples[offset + i]);
            }
        }
    }

    /** The two G.711 codecs with their static payload types (RFC 3551 table 4). */
    public enum Codec {
        PCMU(0),
        PCMA(8);

        public final int payloadType;

        Codec(int payloadType) {
            this.payloadType = payloadType;
        }
    }
}
