package de.buergerservice.portal.internal;

import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.tenancy.TenantDeleted;

/**
 * Each municipality's branding: read by every portal page (kept in memory), changed by administrators only. A
 * change moves the municipality's content generation on, so its pages are built anew at once.
 */
@Service
@Validated
public class BrandingService {

    /** Larger logos slow every first visit; 256 kB is far above a sharp PNG of a coat of arms. */
    static final int MAX_LOGO_BYTES = 256 * 1024;

    private final BrandingStore store;
    private final PortalContent content;
    private final Cache<UUID, Branding> cache =
            Caffeine.newBuilder().maximumSize(10_000).build();

    BrandingService(BrandingStore store, PortalContent content) {
        this.store = store;
        this.content = content;
    }

    /** The municipality's branding, or the product's defaults. */
    public Branding of(UUID tenantId) {
        return cache.get(tenantId, id -> store.find(id).orElseGet(() -> Branding.defaults(id)));
    }

    public Optional<Logo> logo(UUID tenantId) {
        return store.logo(tenantId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void save(UUID tenantId, @Valid BrandingData data) {
        store.save(tenantId, data);
        changed(tenantId);
    }

    /** A PNG or JPEG (checked by its first bytes, not by what the browser claims) of at most 256 kB. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void saveLogo(UUID tenantId, byte[] image) {
        String type = imageType(image);
        if (type == null) {
            throw new InvalidFieldException("logo", "portal.validation.logo.type");
        }
        if (image.length > MAX_LOGO_BYTES) {
            throw new InvalidFieldException("logo", "portal.validation.logo.size");
        }
        store.saveLogo(tenantId, image, type);
        changed(tenantId);
    }

    @org.springframework.context.event.EventListener
    @Transactional
    public void tenantDeleted(TenantDeleted event) {
        store.delete(event.tenantId());
        cache.invalidate(event.tenantId());
    }

    private void changed(UUID tenantId) {
        cache.invalidate(tenantId);
        content.brandingChanged(tenantId);
    }

    static String imageType(byte[] image) {
        if (image == null || image.length < 8) {
            return null;
        }
        if ((image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return "image/png";
        }
        if ((image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }
}
