package de.buergerservice.portal.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl the portal's public address, used for canonical URLs, the sitemap and JSON-LD — never the Host
 *     header of a request, which a client could set to poison the cached pages
 * @param cache whether pages, feed answers and search results are kept in memory (off only to measure without)
 * @param tenancyTtl how long municipality data (numbers, hours, departments), which publishes no change events,
 *     may be served from the cache
 * @param contactLimit contact form submissions allowed per client address and {@code contactWindow}
 */
@ConfigurationProperties("buergerservice.portal")
public record PortalProperties(
        String baseUrl, Boolean cache, Duration tenancyTtl, Integer contactLimit, Duration contactWindow) {

    public PortalProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        cache = cache == null || cache;
        tenancyTtl = tenancyTtl == null ? Duration.ofSeconds(30) : tenancyTtl;
        contactLimit = contactLimit == null ? 5 : contactLimit;
        contactWindow = contactWindow == null ? Duration.ofMinutes(10) : contactWindow;
    }
}
