package de.buergerservice.knowledge.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;
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

    private final ServiceEntryRepository entries;
    private final ServiceOverrideRepository overrides;
    private final ServiceVersionRepository versions;
    private final MergedViews views;
    private final TenantDirectory tenants;

    KnowledgeCatalogService(ServiceEntryRepository entries, ServiceOverrideRepository overrides,
            ServiceVersionRepository versions, MergedViews views, TenantDirectory tenants) {
        this.entries = entries;
        this.overrides = overrides;
        this.versions = versions;
        this.views = views;
        this.tenants = tenants;
    }

    @Override
    public Optional<ServiceView> find(UUID tenantId, UUID serviceId, Audience audience) {
        return entries.findVisible(serviceId, tenantId)
                .filter(entry -> visibleTo(entry.getState(), audience))
                .map(entry -> views.of(entry, overrides.findByTenantIdAndServiceId(tenantId, serviceId)
                        .orElse(null), tenantId, audience));
    }

    @Override
    public List<ServiceView> list(UUID tenantId, Audience audience) {
        Map<UUID, ServiceOverride> local = overridesOf(tenantId);
        return entries.visibleTo(tenantId).stream()
                .filter(entry -> visibleTo(entry.getState(), audience))
                .map(entry -> views.of(entry, local.get(entry.getId()), tenantId, audience))
                .sorted(Comparator.comparing(view -> view.title().toLowerCase(Locale.GERMAN)))
                .toList();
    }

    /**
     * Every tenant's merged views. Built in memory per call (the catalogue's content is parsed once and shared by
     * all tenants), so the stream stays valid after the transaction ends.
     */
    @Override
    public Stream<IndexedService> all() {
        List<ServiceEntry> catalogue = entries.catalogue().stream()
                .filter(entry -> entry.getState() != ServiceState.ARCHIVED).toList();
        List<ServiceContent> catalogueContent = catalogue.stream().map(e -> e.content().complete()).toList();
        List<IndexedService> all = new ArrayList<>();
        for (TenantInfo tenant : tenants.findAll()) {
            Map<UUID, ServiceOverride> local = overridesOf(tenant.id());
            for (int i = 0; i < catalogue.size(); i++) {
                ServiceEntry entry = catalogue.get(i);
                all.add(views.indexed(entry, catalogueContent.get(i), local.get(entry.getId()), tenant.id()));
            }
            for (ServiceEntry own : entries.findByTenantIdOrderByTitle(tenant.id())) {
                if (own.getState() != ServiceState.ARCHIVED) {
                    all.add(views.indexed(own, own.content().complete(), null, tenant.id()));
                }
            }
        }
        return all.stream();
    }

    @Override
    public Optional<IndexedService> find(UUID tenantId, UUID serviceId) {
        return entries.findVisible(serviceId, tenantId)
                .filter(entry -> entry.getState() != ServiceState.ARCHIVED)
                .map(entry -> views.indexed(entry, entry.content().complete(),
                        overrides.findByTenantIdAndServiceId(tenantId, serviceId).orElse(null), tenantId));
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

    private static boolean visibleTo(ServiceState state, Audience audience) {
        return audience == Audience.PUBLIC ? state == ServiceState.PUBLISHED : state != ServiceState.ARCHIVED;
    }
}
