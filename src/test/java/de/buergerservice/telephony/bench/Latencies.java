package de.buergerservice.telephony.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as percentiles in milliseconds (nearest-rank). */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
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
        return String.format("n=%d p50=%.2f p90=%.2f p99=%.2f max=%.2f ms", count(), percentileMillis(50),
                percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
