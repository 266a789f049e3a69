package de.buergerservice.telephony.internal.media;

/**
 * The neutral hold "music" shipped with the product: a slow, quiet sequence of sine tones (a rising and falling
 * pentatonic figure, soft attack and release) generated here, so no recording and no copyright is involved. A
 * municipality may upload its own ({@link PromptSituation#HOLD_MUSIC}).
 */
final class HoldTone {

    /** C, D, E, G, A (4th octave) and back: no semitones, nothing that sounds like an alarm or a dial tone. */
    private static final double[] NOTES = {261.63, 293.66, 329.63, 392.00, 440.00, 392.00, 329.63, 293.66};

    private HoldTone() {}

    static Clip generate() {
        int noteSamples = Clip.RATE * 450 / 1000;
        int gapSamples = Clip.RATE * 150 / 1000;
        short[] samples = new short[NOTES.length * (noteSamples + gapSamples) + Clip.RATE];
        int at = 0;
        for (double frequency : NOTES) {
            for (int i = 0; i < noteSamples; i++) {
                double envelope = Math.min(1.0, Math.min(i, noteSamples - i) / (Clip.RATE * 0.05));
                double tone = Math.sin(2 * Math.PI * frequency * i / Clip.RATE)
                        + 0.3 * Math.sin(2 * Math.PI * 2 * frequency * i / Clip.RATE);
                samples[at++] = (short) (4000 * envelope * tone);
            }
            at += gapSamples;
        }
        return new Clip(samples);
    }
}
