package de.buergerservice.telephony.internal.media;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * Parts played one after another, each a clip that may still be in the making (speech synthesised on first use):
 * until it is there the caller hears silence, at most {@value #WAIT_FRAMES} frames, then the part is skipped. A
 * part may loop its clip for a given length (hold music). When the parts run out, {@code refill} (if any) gives the
 * next round — for a waiting caller: the position announcement, then hold music — else the playlist ends.
 */
final class Playlist implements AudioSource {

    static final int WAIT_FRAMES = 250; // 5 s

    record Part(CompletableFuture<Clip> clip, long samples) {
        static Part once(CompletableFuture<Clip> clip) {
            return new Part(clip, -1);
        }

        static Part looped(CompletableFuture<Clip> clip, long millis) {
            return new Part(clip, millis * Clip.RATE / 1000);
        }
    }

    private final ConcurrentLinkedDeque<Part> parts = new ConcurrentLinkedDeque<>();
    private volatile Supplier<List<Part>> refill;
    private short[] current;
    private int at;
    private long remaining;
    private int waited;
    private volatile List<Part> replacement;

    Playlist(List<Part> first, Supplier<List<Part>> refill) {
        parts.addAll(first);
        this.refill = refill;
    }

    /** Replaces whatever is still to come with {@code next} and no refill (e.g. after a key press). */
    void replace(List<Part> next) {
        replacement = List.copyOf(next); // taken over by the media thread at its next frame
    }

    @Override
    public boolean fill(short[] frame) {
        List<Part> replacing = replacement;
        if (replacing != null) {
            replacement = null;
            refill = null;
            parts.clear();
            parts.addAll(replacing);
            current = null;
            remaining = 0;
            waited = 0;
        }
        int filled = 0;
        while (filled < frame.length) {
            if (current != null && remaining != 0 && current.length > 0) {
                if (at >= current.length) {
                    at = 0; // looping part
                }
                int n = Math.min(frame.length - filled, current.length - at);
                if (remaining > 0) {
                    n = (int) Math.min(n, remaining);
                    remaining -= n;
                } else if (at + n >= current.length) {
                    remaining = 0; // a part played once ends with its clip
                }
                System.arraycopy(current, at, frame, filled, n);
                at += n;
                filled += n;
                continue;
            }
            Part next = parts.peek();
            if (next == null) {
                Supplier<List<Part>> more = refill;
                List<Part> round = more == null ? List.of() : more.get();
                if (round.isEmpty()) {
                    if (filled == 0) {
                        return false;
                    }
                    break;
                }
                parts.addAll(round);
                continue;
            }
            if (!next.clip().isDone() && waited++ < WAIT_FRAMES) {
                break; // not synthesised yet: silence meanwhile
            }
            parts.poll();
            waited = 0;
            Clip clip = next.clip().isDone() && !next.clip().isCompletedExceptionally()
                    ? next.clip().join()
                    : Clip.EMPTY;
            current = clip.samples();
            at = 0;
            remaining = next.samples() < 0 ? -1 : next.samples();
            if (current.length == 0) {
                remaining = 0;
            }
        }
        java.util.Arrays.fill(frame, filled, frame.length, (short) 0);
        return true;
    }
}
