package de.buergerservice.telephony.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Known vectors of G.711 (ITU-T G.711 tables 1a/2a, as in G.191's reference code) and round trips. */
class G711Tests {

    @Test
    void givenUlaw_whenKnownVectors_thenTheTableValues() {
        assertThat(G711.linearToUlaw(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.linearToUlaw(32767)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(-32768)).isEqualTo((byte) 0x00);
        assertThat(G711.ulawToLinear((byte) 0xEF)).isEqualTo((short) 132); // segment 0, step 1 of the table
    }

    @Test
    void givenAlaw_whenKnownVectors_thenTheTableValues() {
        assertThat(G711.linearToAlaw(0)).isEqualTo((byte) 0xD5);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(G711.linearToAlaw(32767)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToAlaw(-32768)).isEqualTo((byte) 0x2A);
    }

    @Test
    void givenEverySample_whenEncodedAndDecoded_thenWithinTheStepOfItsSegment() {
        for (int sample = -32768; sample <= 32767; sample++) {
            int tolerance = Math.max(16, Math.abs(sample) / 16 + 8); // half a step of the logarithmic segment
            assertThat(Math.abs(G711.ulawToLinear(G711.linearToUlaw(sample)) - sample))
                    .as("µ-law %d", sample)
                    .isLessThanOrEqualTo(Math.max(tolerance, 132));
            assertThat(Math.abs(G711.alawToLinear(G711.linearToAlaw(sample)) - sample))
                    .as("A-law %d", sample)
                    .isLessThanOrEqualTo(Math.max(tolerance, 16));
        }
    }

    @Test
    void givenEveryCode_whenDecodedAndEncoded_thenTheSameCode() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711.linearToAlaw(G711.alawToLinear((byte) code))).isEqualTo((byte) code);
            byte ulaw = G711.linearToUlaw(G711.ulawToLinear((byte) code));
            // µ-law has two codes for zero (0x7F and 0xFF); every other code is its own
            assertThat(ulaw == (byte) code || code == 0x7F)
                    .as("µ-law code %d", code)
                    .isTrue();
        }
    }
}
