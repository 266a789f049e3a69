package de.buergerservice.telephony.internal.media;

import java.util.List;

/** A piece of audio: 16-bit linear samples at 8 kHz, mono — the form every prompt is kept in. */
public record Clip(short[] samples) {

    public static final int RATE = 8000;
    public static final Clip EMPTY = new Clip(new short[0]);

    public static Clip silence(int millis) {
        return new Clip(new short[RATE / 1000 * millis]);
    }

    public static Clip concat(List<Clip> clips) {
        int length = clips.stream().mapToInt(c -> c.samples.length).sum();
        short[] all = new short[length];
        int at = 0;
        for (Clip clip : clips) {
            System.arraycopy(clip.samples, 0, all, at, clip.samples.length);
            at += clip.samples.length;
        }
        return new Clip(all);
    }

    public long millis() {
        return samples.length * 1000L / RATE;
    }
}
