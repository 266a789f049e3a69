package de.buergerservice.knowledge.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeCatalog;
import de.buergerservice.knowledge.ServiceState;
import de.buergerservice.knowledge.ServiceView;
import de.buergerservice.knowledge.internal.search.IndexSource;
import de.buergerservice.knowledge.internal.search.IndexedService;
import de.buergerservice.tenancy.TenantDeleted;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * System-level reading of the merged views for other modules ({@link KnowledgeCatalog}) and for the search index
 * ({@link IndexSource}); not filtered by the current user. Also drops a tenant's knowledge when the tenant is
 * deleted.
 */
@Service
@Transactional(readOnly = true)
class KnowledgeCatalogService implements KnowledgeCatalog, IndexSource {

    /** Catalogue entries read per page by {@link #all()}. */
    static final Limit PAGE = Limit.of(500);

    private final ServiceEntryRepository entries;
    private final ServiceOverrideRepository overrides;
    private final ServiceVersionRepository versions;
    private final MergedViews views;
    private final TenantDirectory tenants;

    KnowledgeCatalogService(
            ServiceEntryRepository entries,
            ServiceOverrideRepository overrides,
            ServiceVersionRepository versions,
            MergedViews views,
            TenantDirectory tenants) {
        this.entries = entries;
        this.overrides = overrides;
        this.versions = versions;
        this.views = views;
        this.tenants = tenants;
    }

    @Override
    public Optional<ServiceView> find(UUID tenantId, UUID serviceId, Audience audience) {
        return entries.findVisible(serviceId, tenantId)
                // agents answer with what is in force, as citizens read it: a draft nobody has reviewed is no answer
                .filter(ServiceEntry::isPublic)
                .map(entry -> views.of(
                        entry,
                        overrides
                                .findByTenantIdAndServiceId(tenantId, serviceId)
                                .orElse(null),
                        tenantId,
                        audience));
    }

    @Override
    public List<ServiceView> list(UUID tenantId, Audience audience) {
        Map<UUID, ServiceOverride> local = overridesOf(tenantId);
        return entries.visibleTo(tenantId).stream()
                // agents answer with what is in force, as citizens read it: a draft nobody has reviewed is no answer
                .filter(ServiceEntry::isPublic)
                .map(entry -> views.of(entry, local.get(entry.getId()), tenantId, audience))
                .sorted(Comparator.comparing(view -> view.title().toLowerCase(Locale.GERMAN)))
                .toList();
    }

    /**
     * Every tenant's merged views, read lazily: catalogue entries page by page (each page in its own short read,
     * so a rebuild of a large catalogue never holds it all in memory), each page merged for every tenant, then
     * every tenant's own entries. Consume the stream outside a long transaction.
     */
    @Override
    public Stream<IndexedService> all() {
        return all(PAGE);
    }

    Stream<IndexedService> all(Limit page) {
        List<UUID> tenantIds = tenants.findAll().stream().map(TenantInfo::id).toList();
        Map<UUID, Map<UUID, ServiceOverride>> local = new HashMap<>();
        tenantIds.forEach(id -> local.put(id, overridesOf(id)));
        Stream<IndexedService> catalogue = Stream.iterate(
                        entries.cataloguePage(page),
                        batch -> !batch.isEmpty(),
                        batch -> batch.size() < page.max()
                                ? List.of()
                                : entries.cataloguePageAfter(
                                        batch.get(batch.size() - 1).getId(), page))
                .flatMap(List::stream)
                .flatMap(entry -> {
                    ServiceContent content = entry.searchedContent();
                    return tenantIds.stream()
                            .map(tenantId -> views.indexed(
                                    entry, content, local.get(tenantId).get(entry.getId()), tenantId));
                });
        Stream<IndexedService> own = tenantIds.stream()
                .flatMap(tenantId -> entries.findByTenantIdOrderByTitle(tenantId).stream()
                        .filter(entry -> entry.getState() != ServiceState.ARCHIVED)
                        .map(entry -> views.indexed(entry, entry.searchedContent(), null, tenantId)));
        return Stream.concat(catalogue, own);
    }

    @Override
    public Optional<IndexedService> find(UUID tenantId, UUID serviceId) {
        return entries.findVisible(serviceId, tenantId)
                .filter(entry -> entry.getState() != ServiceState.ARCHIVED)
                .map(entry -> views.indexed(
                        entry,
                        entry.searchedContent(),
                        overrides
                                .findByTenantIdAndServiceId(tenantId, serviceId)
                                .orElse(null),
                        tenantId));
    }

    /** A deleted municipality's own entries, overrides and their versions go with it; the catalogue stays. */
    @EventListener
    @Transactional
    public void tenantDeleted(TenantDeleted event) {
        versions.deleteByTenantId(event.tenantId());
        overrides.deleteByTenantId(event.tenantId());
        entries.deleteByTenantId(event.tenantId());
    }

    private Map<UUID, ServiceOverride> overridesOf(UUID tenantId) {
        return overrides.findByTenantId(tenantId).stream()
                .collect(Collectors.toMap(ServiceOverride::getServiceId, Function.identity()));
    }
}
