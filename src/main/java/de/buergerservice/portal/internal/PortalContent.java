package de.buergerservice.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.KnowledgeChanged;
import de.buergerservice.knowledge.KnowledgeSearch;
import de.buergerservice.knowledge.KnowledgeSearchResult;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.tenancy.DepartmentInfo;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.OpeningStatus;
import de.buergerservice.tenancy.TenantCreated;
import de.buergerservice.tenancy.TenantDeleted;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Everything the portal shows, read through knowledge's and tenancy's APIs — always the citizens' audience, so
 * drafts, working copies and internal notes never reach it — and kept in memory.
 *
 * <p>Knowledge is cached per <em>content generation</em>: every {@link KnowledgeChanged} moves the generation of
 * the municipality (or of all, for a catalogue entry) on, and every key carries the generation, so the next request
 * after a publication reads afresh. Counting instead of removing entries closes the race in which a read that
 * started before the commit would put the old text back into the cache after the removal. Tenancy publishes no
 * change events for numbers, hours and departments, so those entries (and the pages built from them) expire after
 * {@link PortalProperties#tenancyTtl()}.
 */
@Service
@EnableConfigurationProperties(PortalProperties.class)
public class PortalContent {

    /** The municipality's published services, ordered by title, with the moment they were read. */
    public record Catalogue(List<ServiceView> services, Map<UUID, ServiceView> byId, Instant readAt) {

        public Optional<ServiceView> find(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    private final KnowledgeCatalog catalog;
    private final KnowledgeSearch search;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final boolean enabled;

    private final AtomicLong catalogueGeneration = new AtomicLong();
    private final Map<UUID, AtomicLong> tenantGenerations = new ConcurrentHashMap<>();

    private final Cache<String, Optional<TenantInfo>> tenantsBySlug;
    private final Cache<UUID, List<DepartmentInfo>> departments;
    private final Cache<UUID, OpeningHours> hours;
    private final Cache<String, OpeningStatus> statuses;
    private final Cache<String, Catalogue> catalogues;
    private final Cache<String, KnowledgeSearchResult> searches;

    PortalContent(
            KnowledgeCatalog catalog,
            KnowledgeSearch search,
            TenantDirectory tenants,
            Clock clock,
            PortalProperties properties) {
        this.catalog = catalog;
        this.search = search;
        this.tenants = tenants;
        this.clock = clock;
        this.enabled = properties.cache();
        var ttl = properties.tenancyTtl();
        tenantsBySlug =
                Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
        departments =
                Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
        hours = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
        statuses = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(java.time.Duration.ofMinutes(2))
                .build();
        catalogues = Caffeine.newBuilder().maximumSize(2_000).build();
        searches = Caffeine.newBuilder()
                .maximumSize(20_000)
                .expireAfterAccess(java.time.Duration.ofMinutes(30))
                .build();
    }

    public Optional<TenantInfo> tenant(String slug) {
        if (slug == null || slug.length() > 60) {
            return Optional.empty();
        }
        return cached(tenantsBySlug, slug, tenants::findBySlug);
    }

    public boolean isKnownSlug(String slug) {
        return tenant(slug).isPresent();
    }

    public List<DepartmentInfo> departments(UUID tenantId) {
        return cached(departments, tenantId, tenants::departmentsOf);
    }

    public Optional<DepartmentInfo> department(UUID tenantId, UUID departmentId) {
        return departments(tenantId).stream()
                .filter(d -> d.id().equals(departmentId))
                .findFirst();
    }

    public OpeningHours openingHours(UUID tenantId) {
        return cached(hours, tenantId, id -> tenants.openingHours(id).orElseGet(OpeningHours::closed));
    }

    /** Open or closed now; read once per municipality and minute. */
    public OpeningStatus openingStatus(UUID tenantId) {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return cached(statuses, tenantId + "@" + minute, key -> tenants.openingStatus(tenantId, minute));
    }

    public Catalogue catalogue(UUID tenantId) {
        return cached(catalogues, generationKey(tenantId), key -> {
            List<ServiceView> services = catalog.list(tenantId, Audience.PUBLIC);
            return new Catalogue(
                    services,
                    services.stream().collect(Collectors.toUnmodifiableMap(ServiceView::id, Function.identity())),
                    clock.instant().truncatedTo(ChronoUnit.SECONDS));
        });
    }

    /** The citizens' search: published descriptions only, no internal notes. */
    public KnowledgeSearchResult search(UUID tenantId, String query, int limit) {
        return cached(
                searches,
                generationKey(tenantId) + "|" + limit + "|" + query,
                key -> search.search(tenantId, query, limit, Audience.PUBLIC));
    }

    /**
     * A key that changes whenever the municipality's published knowledge may have changed; pages and feed answers
     * built from that knowledge carry it too.
     */
    public String generationKey(UUID tenantId) {
        return tenantId + "#" + catalogueGeneration.get() + "."
                + generation(tenantId).get();
    }

    /** Knowledge changed: the next request reads the municipality's (or, for the catalogue, every) view afresh. */
    @ApplicationModuleListener
    void knowledgeChanged(KnowledgeChanged event) {
        if (event.tenantId() == null) {
            catalogueGeneration.incrementAndGet();
        } else {
            generation(event.tenantId()).incrementAndGet();
        }
    }

    /** The municipality's branding changed: its pages are built anew. */
    void brandingChanged(UUID tenantId) {
        generation(tenantId).incrementAndGet();
    }

    /** A new municipality's portal answers at once, not only when a cached "unknown" expires. */
    @ApplicationModuleListener
    void tenantCreated(TenantCreated event) {
        tenantsBySlug.invalidateAll();
    }

    @ApplicationModuleListener
    void tenantDeleted(TenantDeleted event) {
        tenantsBySlug.invalidateAll();
        generation(event.tenantId()).incrementAndGet();
    }

    private AtomicLong generation(UUID tenantId) {
        return tenantGenerations.computeIfAbsent(tenantId, id -> new AtomicLong());
    }

    private <K, V> V cached(Cache<K, V> cache, K key, Function<K, V> load) {
        return enabled ? cache.get(key, load) : load.apply(key);
    }
}
