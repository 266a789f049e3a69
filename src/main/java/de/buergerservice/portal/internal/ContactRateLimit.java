package de.buergerservice.portal.internal;

import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import de.buergerservice.shared.web.ClientBuckets;

/**
 * Spam protection of the contact form: a token bucket per client address ({@link ClientBuckets}), {@link
 * PortalProperties#contactLimit()} submissions per {@link PortalProperties#contactWindow()}.
 */
@Component
public class ContactRateLimit {

    private final ClientBuckets buckets;

    ContactRateLimit(PortalProperties properties) {
        this.buckets = new ClientBuckets(properties.contactLimit(), properties.contactWindow());
    }

    /** Takes one submission from the address's bucket; empty if allowed, else the seconds until the next one. */
    public OptionalLong tryAcquire(String clientAddress) {
        return buckets.tryAcquire(clientAddress);
    }
}
