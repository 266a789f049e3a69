package de.buergerservice.telephony.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as percentiles in milliseconds (nearest-rank). */
public final class Latencies {

    private long[] samples = new long[1024];
    private long[] taken = new long[1024];
    private int count;

    /** A sample of {@code nanos}, taken at {@code at} ({@link System#nanoTime()}). */
    synchronized void add(long nanos, long at) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
            taken = Arrays.copyOf(taken, count * 2);
        }
        taken[count] = at;
        samples[count++] = nanos;
    }

    /** The worst sample of each second (counted from the first sample), for the {@code n} worst seconds. */
    synchronized String worstSeconds(int n) {
        if (count == 0) {
            return "";
        }
        long first = Arrays.stream(taken, 0, count).min().orElse(0);
        java.util.Map<Long, Long> worst = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) {
            worst.merge((taken[i] - first) / 1_000_000_000L, samples[i], Math::max);
        }
        return worst.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(n)
                .map(e -> String.format("s%d:%.0fms", e.getKey(), e.getValue() / 1e6))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    public synchronized int count() {
        return count;
    }

    /** p in 0..100; 0 when there are no samples. */
    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.min(count - 1, Math.max(0, rank - 1))] / 1e6;
    }

    public String summary() {
        return String.format(
                "n=%d p50=%.2f p90=%.2f p99=%.2f max=%.2f ms",
                count(), percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
