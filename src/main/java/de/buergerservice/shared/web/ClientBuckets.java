package de.buergerservice.shared.web;

import java.time.Duration;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client address (Bucket4j): {@code limit} actions per {@code window}. Buckets of addresses that
 * stay quiet for a window are forgotten, so the memory held is bounded by the addresses of the last window (at most
 * 100,000). For a limit a controller checks itself, to answer with a message at the form.
 */
public final class ClientBuckets {

    private final Cache<String, Bucket> buckets;
    private final int limit;
    private final Duration window;

    public ClientBuckets(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(window)
                .build();
    }

    /** Takes one action from the address's bucket; empty if allowed, else the seconds until the next one. */
    public OptionalLong tryAcquire(String clientAddress) {
        ConsumptionProbe probe = buckets.get(clientAddress, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit)
                        .refillIntervally(limit, window)
                        .build())
                .build();
    }
}
