package de.buergerservice.applications.internal.submission;

import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import de.buergerservice.shared.web.ClientBuckets;

/**
 * Spam protection of the public submission pages and API (as the portal's contact form): a token bucket per client
 * address ({@link ClientBuckets}), {@link SubmissionProperties#publicLimit()} actions per {@link
 * SubmissionProperties#publicWindow()}.
 */
@Component
public class SubmissionRateLimit {

    private final ClientBuckets buckets;

    SubmissionRateLimit(SubmissionProperties properties) {
        this.buckets = new ClientBuckets(properties.publicLimit(), properties.publicWindow());
    }

    /** Empty if allowed, else the seconds until the next action. */
    public OptionalLong tryAcquire(String clientAddress) {
        return buckets.tryAcquire(clientAddress);
    }
}
