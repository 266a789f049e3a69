package de.buergerservice.portal.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import de.buergerservice.portal.internal.Branding;
import de.buergerservice.portal.internal.BrandingService;
import de.buergerservice.portal.internal.PageCache;
import de.buergerservice.portal.internal.PageRenderer;
import de.buergerservice.portal.internal.PortalContent;
import de.buergerservice.portal.internal.PortalProperties;
import de.buergerservice.portal.internal.RenderedPage;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.OpeningStatus;
import de.buergerservice.tenancy.PhoneNumbers;
import de.buergerservice.tenancy.TenantInfo;
import de.buergerservice.tenancy.TimeRange;

/**
 * What every portal page shares: the municipality and its branding, the contact block (published number, opening
 * hours, open now), the canonical address, and the cached rendering with its HTTP validators.
 */
@Component
class PortalPageSupport {

    static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    /** Revalidate every time (ETag/Last-Modified make that a 304): what is published shows at once. */
    static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

    /** One row of the opening hours: the weekday in German and its hours. */
    record HoursRow(String day, String hours) {}

    final PortalContent content;
    final BrandingService branding;
    final PageCache pages;
    final PageRenderer renderer;
    final PortalProperties properties;

    PortalPageSupport(
            PortalContent content,
            BrandingService branding,
            PageCache pages,
            PageRenderer renderer,
            PortalProperties properties) {
        this.content = content;
        this.branding = branding;
        this.pages = pages;
        this.renderer = renderer;
        this.properties = properties;
    }

    TenantInfo tenant(String slug) {
        return content.tenant(slug).orElseThrow(() -> new PortalNotFoundException("tenant"));
    }

    static UUID id(String value, String kind) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : failNotFound(kind);
        } catch (IllegalArgumentException e) {
            throw new PortalNotFoundException(kind);
        }
    }

    private static UUID failNotFound(String kind) {
        throw new PortalNotFoundException(kind);
    }

    /** The page's absolute address below the portal's configured base URL. */
    String url(TenantInfo tenant, String path) {
        return properties.baseUrl() + "/" + tenant.slug() + "/" + path;
    }

    /** Cache key of a page that shows the contact block: changes with the content and with "open now". */
    String key(TenantInfo tenant, String page) {
        boolean open = content.openingStatus(tenant.id()).open();
        return content.generationKey(tenant.id()) + "|" + open + "|" + page;
    }

    /** The model every page's layout needs. */
    Map<String, Object> model(TenantInfo tenant, String path, String title, String description) {
        Map<String, Object> model = new HashMap<>();
        Branding brand = branding.of(tenant.id());
        OpeningStatus status = content.openingStatus(tenant.id());
        model.put("tenant", tenant);
        model.put("branding", brand);
        model.put("status", status);
        model.put("hours", hoursRows(content.openingHours(tenant.id())));
        model.put(
                "phones",
                tenant.phoneNumbers().stream().map(PhoneNumbers::display).toList());
        model.put("phoneLinks", tenant.phoneNumbers());
        model.put("canonical", url(tenant, path));
        model.put("pageTitle", title);
        model.put("description", description);
        model.put("base", "/" + tenant.slug() + "/");
        return model;
    }

    ResponseEntity<byte[]> html(
            String key,
            String template,
            java.util.function.Supplier<Map<String, Object>> model,
            HttpServletRequest request,
            HttpServletResponse response) {
        RenderedPage page = pages.get(
                key,
                () -> RenderedPage.of(
                        renderer.render(template, model.get(), request, response),
                        HTML.toString(),
                        // the page shows what was read now (also "open now"), so it is at least this new
                        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        return send(page);
    }

    static ResponseEntity<byte[]> send(RenderedPage page) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(page.contentType()))
                .cacheControl(REVALIDATE)
                .eTag(page.etag())
                .lastModified(page.lastModified())
                .body(page.body());
    }

    static List<HoursRow> hoursRows(OpeningHours hours) {
        List<HoursRow> rows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = hours.on(day);
            if (!ranges.isEmpty()) {
                rows.add(new HoursRow(
                        day.getDisplayName(TextStyle.FULL, java.util.Locale.GERMAN),
                        ranges.stream()
                                .map(r -> r.opens() + "–" + TimeRange.formatClosing(r.closes()) + " Uhr")
                                .collect(Collectors.joining(", "))));
            }
        }
        return rows;
    }
}
