package de.buergerservice.reporting;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The additive counters all KPIs are derived from — for one {@link IntervalKey} or summed over many. Everything
 * here adds up exactly (counts, milliseconds, histograms), so an interval's counters summed give the same figures
 * as the raw events of the whole period; only {@link KpiFigures} divides. Waits are kept as a histogram by whole
 * seconds rounded up ({@code ceil(waitMs / 1000)}), so "within T seconds" ({@code waitMs ≤ T·1000}) is exactly the
 * sum of the buckets up to T, for any T an agreement may set.
 */
public final class KpiCounts {

    long offered;
    long answered;
    long abandoned;
    long transferred;
    long rejectedClosed;
    long removed;
    long handled;
    long answerWaitMs;
    long abandonWaitMs;
    long maxWaitMs;
    long talkMs;
    long wrapUpMs;
    /** Agent state time (only on keys without a municipality). */
    long availableMs;

    long ringingMs;
    long talkingMs;
    long wrapUpStateMs;
    long pausedMs;
    final TreeMap<Integer, Long> answeredWaits = new TreeMap<>();
    final TreeMap<Integer, Long> abandonedWaits = new TreeMap<>();

    public KpiCounts() {}

    /** Builds counters from stored values (the aggregate table), in the order of {@link #values()}. */
    public static KpiCounts of(long[] values) {
        KpiCounts c = new KpiCounts();
        int i = 0;
        c.offered = values[i++];
        c.answered = values[i++];
        c.abandoned = values[i++];
        c.transferred = values[i++];
        c.rejectedClosed = values[i++];
        c.removed = values[i++];
        c.handled = values[i++];
        c.answerWaitMs = values[i++];
        c.abandonWaitMs = values[i++];
        c.maxWaitMs = values[i++];
        c.talkMs = values[i++];
        c.wrapUpMs = values[i++];
        c.availableMs = values[i++];
        c.ringingMs = values[i++];
        c.talkingMs = values[i++];
        c.wrapUpStateMs = values[i++];
        c.pausedMs = values[i];
        return c;
    }

    /** Column names of the stored counters, in the order of {@link #values()} (max_wait_ms is a maximum). */
    public static final String[] COLUMNS = {
        "offered",
        "answered",
        "abandoned",
        "transferred",
        "rejected_closed",
        "removed",
        "handled",
        "answer_wait_ms",
        "abandon_wait_ms",
        "max_wait_ms",
        "talk_ms",
        "wrap_up_ms",
        "available_ms",
        "ringing_ms",
        "talking_ms",
        "wrap_up_state_ms",
        "paused_ms"
    };

    public long[] values() {
        return new long[] {
            offered,
            answered,
            abandoned,
            transferred,
            rejectedClosed,
            removed,
            handled,
            answerWaitMs,
            abandonWaitMs,
            maxWaitMs,
            talkMs,
            wrapUpMs,
            availableMs,
            ringingMs,
            talkingMs,
            wrapUpStateMs,
            pausedMs
        };
    }

    /** Adds {@code other} to these counters (the maximum wait takes the larger). */
    public KpiCounts add(KpiCounts other) {
        offered += other.offered;
        answered += other.answered;
        abandoned += other.abandoned;
        transferred += other.transferred;
        rejectedClosed += other.rejectedClosed;
        removed += other.removed;
        handled += other.handled;
        answerWaitMs += other.answerWaitMs;
        abandonWaitMs += other.abandonWaitMs;
        maxWaitMs = Math.max(maxWaitMs, other.maxWaitMs);
        talkMs += other.talkMs;
        wrapUpMs += other.wrapUpMs;
        availableMs += other.availableMs;
        ringingMs += other.ringingMs;
        talkingMs += other.talkingMs;
        wrapUpStateMs += other.wrapUpStateMs;
        pausedMs += other.pausedMs;
        other.answeredWaits.forEach((s, n) -> answeredWaits.merge(s, n, Long::sum));
        other.abandonedWaits.forEach((s, n) -> abandonedWaits.merge(s, n, Long::sum));
        return this;
    }

    /** The histogram bucket of a wait: whole seconds rounded up (0 ms → 0, 1–1000 ms → 1, …). */
    public static int bucketOf(long waitMs) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, -Math.floorDiv(-waitMs, 1000L)));
    }

    /** Counts {@code calls} answered calls with wait in {@code bucket} (used when reading stored histograms). */
    public void addAnsweredWaits(int bucket, long calls) {
        answeredWaits.merge(bucket, calls, Long::sum);
    }

    public void addAbandonedWaits(int bucket, long calls) {
        abandonedWaits.merge(bucket, calls, Long::sum);
    }

    public long offered() {
        return offered;
    }

    public long answered() {
        return answered;
    }

    public long abandoned() {
        return abandoned;
    }

    public long transferred() {
        return transferred;
    }

    public long rejectedClosed() {
        return rejectedClosed;
    }

    /** Calls whose queue was removed while they waited (municipality deleted): neither answered nor abandoned. */
    public long removed() {
        return removed;
    }

    /** Answered calls that ended or were transferred: the contacts handled. */
    public long handled() {
        return handled;
    }

    public long answerWaitMs() {
        return answerWaitMs;
    }

    public long abandonWaitMs() {
        return abandonWaitMs;
    }

    public long maxWaitMs() {
        return maxWaitMs;
    }

    public long talkMs() {
        return talkMs;
    }

    public long wrapUpMs() {
        return wrapUpMs;
    }

    public long availableMs() {
        return availableMs;
    }

    public long ringingMs() {
        return ringingMs;
    }

    public long talkingMs() {
        return talkingMs;
    }

    public long wrapUpStateMs() {
        return wrapUpStateMs;
    }

    public long pausedMs() {
        return pausedMs;
    }

    /** Answered calls per wait bucket (seconds, rounded up). */
    public SortedMap<Integer, Long> answeredWaits() {
        return Collections.unmodifiableSortedMap(answeredWaits);
    }

    public SortedMap<Integer, Long> abandonedWaits() {
        return Collections.unmodifiableSortedMap(abandonedWaits);
    }

    /** Answered calls that waited at most {@code seconds}. */
    public long answeredWithin(int seconds) {
        return sumUpTo(answeredWaits, seconds);
    }

    /** Abandoned calls that waited at most {@code seconds}. */
    public long abandonedWithin(int seconds) {
        return sumUpTo(abandonedWaits, seconds);
    }

    private static long sumUpTo(TreeMap<Integer, Long> histogram, int seconds) {
        long sum = 0;
        for (Map.Entry<Integer, Long> e : histogram.headMap(seconds, true).entrySet()) {
            sum += e.getValue();
        }
        return sum;
    }

    public boolean isEmpty() {
        return java.util.Arrays.stream(values()).allMatch(v -> v == 0)
                && answeredWaits.isEmpty()
                && abandonedWaits.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KpiCounts other
                && java.util.Arrays.equals(values(), other.values())
                && answeredWaits.equals(other.answeredWaits)
                && abandonedWaits.equals(other.abandonedWaits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(values()), answeredWaits, abandonedWaits);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("KpiCounts[");
        long[] v = values();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                s.append(COLUMNS[i]).append('=').append(v[i]).append(' ');
            }
        }
        return s.append("answeredWaits=")
                .append(answeredWaits)
                .append(" abandonedWaits=")
                .append(abandonedWaits)
                .append(']')
                .toString();
    }
}
