package de.buergerservice.portal.internal;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Rendered pages and feed answers, so that a popular service page costs a map look-up instead of a template run.
 * Keys carry {@link PortalContent#generationKey} (a publication makes new keys at once) and whatever else the page
 * shows that changes (open or closed now); entries expire with the tenancy data they include.
 */
@Component
public class PageCache {

    private final Cache<String, RenderedPage> pages;
    private final boolean enabled;

    PageCache(PortalProperties properties) {
        this.enabled = properties.cache();
        this.pages = Caffeine.newBuilder()
                .maximumSize(20_000)
                .expireAfterWrite(properties.tenancyTtl())
                .build();
    }

    public RenderedPage get(String key, Supplier<RenderedPage> render) {
        return enabled ? pages.get(key, k -> render.get()) : render.get();
    }
}
