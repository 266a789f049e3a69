package de.buergerservice.telephony;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import de.buergerservice.telephony.internal.media.Clip;
import de.buergerservice.telephony.internal.media.Wav;

/**
 * What a real phone heard (baresip's {@code sndfile} module writes the decoded audio of a call to a WAV file), and
 * the comparisons the voice tests need: loudness, and where a known prompt occurs. A prompt is found by its loudness
 * envelope (mean absolute amplitude per 10 ms) — robust against G.711 round trips and packet timing, cheap enough
 * to slide over a minute of audio.
 */
record Recording(Clip clip) {

    static final int FRAME = 80; // 10 ms at 8 kHz

    /**
     * Everything the phone received: baresip starts a new {@code dump-<time>-dec.wav} whenever its audio restarts
     * (each 183 with SDP), so the files are joined in the order of their names (their start times).
     */
    static Optional<Recording> in(Path dir) throws IOException {
        List<Path> received;
        try (Stream<Path> files = Files.list(dir)) {
            received = files.filter(p -> p.getFileName().toString().endsWith("-dec.wav"))
                    .sorted()
                    .toList();
        }
        if (received.isEmpty()) {
            return Optional.empty();
        }
        List<Clip> parts = new ArrayList<>();
        for (Path file : received) {
            if (Files.size(file) <= 44) {
                continue; // header only
            }
            try {
                parts.add(Wav.read(Files.readAllBytes(file)));
            } catch (Wav.NotWavException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return Optional.of(new Recording(Clip.concat(parts)));
    }

    double seconds() {
        return clip.samples().length / (double) Clip.RATE;
    }

    /** Root mean square amplitude (16-bit full scale 32767), as sox's "RMS amplitude" × 32768. */
    double rms(double fromSeconds, double toSeconds) {
        short[] s = clip.samples();
        int from = (int) Math.max(0, fromSeconds * Clip.RATE);
        int to = (int) Math.min(s.length, toSeconds * Clip.RATE);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return to > from ? Math.sqrt(sum / (to - from)) : 0;
    }

    /** Seconds of sound from {@code fromSeconds} until the first pause longer than {@code pauseSeconds}. */
    double soundRun(double fromSeconds, double pauseSeconds) {
        double[] env = envelope(clip);
        int start = (int) (fromSeconds * 100);
        while (start < env.length && env[start] < 100) {
            start++;
        }
        int quiet = 0;
        int at = start;
        for (; at < env.length && quiet < pauseSeconds * 100; at++) {
            quiet = env[at] < 100 ? quiet + 1 : 0;
        }
        return (at - quiet - start) / 100.0;
    }

    /**
     * Where {@code prompt} matches best between the two times: normalised correlation of the envelopes (1 = same
     * shape), and the offset in seconds.
     */
    double[] bestMatch(Clip prompt, double fromSeconds, double toSeconds) {
        double[] env = envelope(clip);
        double[] whole = envelope(prompt);
        double[] p = java.util.Arrays.copyOf(whole, Math.min(whole.length, env.length)); // a recording cut short
        double best = -1;
        int bestAt = -1;
        int from = (int) (fromSeconds * 100);
        int to = (int) Math.min(env.length - p.length, toSeconds * 100);
        for (int at = Math.max(0, from); at <= to; at++) {
            double c = correlation(env, at, p);
            if (c > best) {
                best = c;
                bestAt = at;
            }
        }
        return new double[] {best, bestAt / 100.0};
    }

    private static double correlation(double[] env, int at, double[] p) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < p.length; i++) {
            meanA += env[at + i];
            meanB += p[i];
        }
        meanA /= p.length;
        meanB /= p.length;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < p.length; i++) {
            double a = env[at + i] - meanA;
            double b = p[i] - meanB;
            ab += a * b;
            aa += a * a;
            bb += b * b;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    static double[] envelope(Clip clip) {
        short[] s = clip.samples();
        double[] env = new double[s.length / FRAME];
        for (int f = 0; f < env.length; f++) {
            double sum = 0;
            for (int i = 0; i < FRAME; i++) {
                sum += Math.abs(s[f * FRAME + i]);
            }
            env[f] = sum / FRAME;
        }
        return env;
    }
}
