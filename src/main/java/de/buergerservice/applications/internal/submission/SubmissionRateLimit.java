package de.buergerservice.applications.internal.submission;

import java.time.Duration;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/**
 * Spam protection of the public submission pages and API (as the portal's contact form): a Bucket4j token bucket
 * per client address, {@link SubmissionProperties#publicLimit()} actions per {@link
 * SubmissionProperties#publicWindow()}; buckets of addresses quiet for a window are forgotten.
 */
@Component
public class SubmissionRateLimit {

    private final Cache<String, Bucket> buckets;
    private final int limit;
    private final Duration window;

    SubmissionRateLimit(SubmissionProperties properties) {
        this.limit = properties.publicLimit();
        this.window = properties.publicWindow();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(window)
                .build();
    }

    /** Empty if allowed, else the seconds until the next action. */
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
