package de.buergerservice.portal.internal;

import java.time.Duration;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/**
 * Spam protection of the contact form: a token bucket per client address (Bucket4j), {@link
 * PortalProperties#contactLimit()} submissions per {@link PortalProperties#contactWindow()}. Buckets of addresses
 * that stay quiet for a window are forgotten, so the memory held is bounded by the addresses of the last window.
 */
@Component
public class ContactRateLimit {

    private final Cache<String, Bucket> buckets;
    private final int limit;
    private final Duration window;

    ContactRateLimit(PortalProperties properties) {
        this.limit = properties.contactLimit();
        this.window = properties.contactWindow();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(window)
                .build();
    }

    /** Takes one submission from the address's bucket; empty if allowed, else the seconds until the next one. */
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
