package de.buergerservice.knowledge.internal.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.buergerservice.shared.audit.ChangeRecorder;
import de.buergerservice.shared.security.TenantScope;
import de.buergerservice.shared.web.InvalidFieldException;
import de.buergerservice.shared.web.ResourceNotFoundException;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * The synonyms editors maintain per tenant. Searches read them from a per-tenant cache that a change on this node
 * clears at once; other nodes pick the change up within {@link #CACHE_TTL}.
 */
@Service
@Transactional
public class SynonymService {

    static final String AUDIT_TYPE = "KnowledgeSynonym";
    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final SynonymEntryRepository synonyms;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final ChangeRecorder changes;
    private final Clock clock;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(List<SearchSynonym> synonyms, Instant loadedAt) {}

    SynonymService(
            SynonymEntryRepository synonyms,
            TenantDirectory tenants,
            TenantScope scope,
            ChangeRecorder changes,
            Clock clock) {
        this.synonyms = synonyms;
        this.tenants = tenants;
        this.scope = scope;
        this.changes = changes;
        this.clock = clock;
    }

    /** The tenant of {@code slug} if the current user may see it; not found otherwise. */
    @Transactional(readOnly = true)
    public TenantInfo visibleTenant(String slug) {
        TenantInfo tenant = tenants.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("tenant"));
        scope.check(tenant.id(), "tenant");
        return tenant;
    }

    @Transactional(readOnly = true)
    public List<SynonymInfo> list(String slug) {
        return synonyms.findByTenantIdOrderByTerm(visibleTenant(slug).id()).stream()
                .map(SynonymEntry::toInfo)
                .toList();
    }

    @Transactional(readOnly = true)
    public SynonymInfo get(String slug, UUID synonymId) {
        return find(slug, synonymId).toInfo();
    }

    @PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
    public SynonymInfo create(String slug, SynonymData data) {
        UUID tenantId = visibleTenant(slug).id();
        requireNewTerm(tenantId, data.term());
        SynonymEntry entry = synonyms.save(new SynonymEntry(tenantId, data));
        SynonymInfo info = entry.toInfo();
        changes.created(AUDIT_TYPE, entry.getId(), tenantId, info);
        cache.remove(tenantId);
        return info;
    }

    @PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
    public SynonymInfo update(String slug, UUID synonymId, SynonymData data) {
        SynonymEntry entry = find(slug, synonymId);
        SynonymInfo before = entry.toInfo();
        if (!SynonymEntry.key(before.term()).equals(SynonymEntry.key(data.term()))) {
            requireNewTerm(entry.getTenantId(), data.term());
        }
        entry.apply(data);
        SynonymInfo after = synonyms.saveAndFlush(entry).toInfo();
        changes.updated(AUDIT_TYPE, entry.getId(), entry.getTenantId(), before, after);
        cache.remove(entry.getTenantId());
        return after;
    }

    @PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
    public void delete(String slug, UUID synonymId) {
        SynonymEntry entry = find(slug, synonymId);
        SynonymInfo snapshot = entry.toInfo();
        synonyms.delete(entry);
        changes.deleted(AUDIT_TYPE, entry.getId(), entry.getTenantId(), snapshot);
        cache.remove(entry.getTenantId());
    }

    /** Seeds the starting list into a tenant that has no synonyms yet (demo data). */
    void seed(UUID tenantId, List<SearchSynonym> seed) {
        if (!synonyms.findByTenantIdOrderByTerm(tenantId).isEmpty()) {
            return;
        }
        for (SearchSynonym synonym : seed) {
            if (!synonyms.existsByTenantIdAndTermKey(tenantId, SynonymEntry.key(synonym.term()))) {
                synonyms.save(new SynonymEntry(tenantId, new SynonymData(synonym.term(), synonym.expansions())));
            }
        }
        cache.remove(tenantId);
    }

    void tenantDeleted(UUID tenantId) {
        synonyms.deleteByTenantId(tenantId);
        cache.remove(tenantId);
    }

    /** The tenant's synonyms as the search applies them; a cache hit opens no transaction. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    List<SearchSynonym> forSearch(UUID tenantId) {
        Instant now = clock.instant();
        Cached cached = cache.get(tenantId);
        if (cached == null || cached.loadedAt().plus(CACHE_TTL).isBefore(now)) {
            cached = new Cached(
                    synonyms.findByTenantIdOrderByTerm(tenantId).stream()
                            .map(SynonymEntry::toSynonym)
                            .toList(),
                    now);
            cache.put(tenantId, cached);
        }
        return cached.synonyms();
    }

    private void requireNewTerm(UUID tenantId, String term) {
        if (synonyms.existsByTenantIdAndTermKey(tenantId, SynonymEntry.key(term))) {
            throw new InvalidFieldException("term", "knowledge.search.synonym.termTaken", term.strip());
        }
    }

    private SynonymEntry find(String slug, UUID synonymId) {
        return synonyms.findByIdAndTenantId(synonymId, visibleTenant(slug).id())
                .orElseThrow(() -> new ResourceNotFoundException("knowledgeSearchSynonym"));
    }
}
