package de.buergerservice.knowledge.internal.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * The synonyms editors maintain: once for the whole ServiceCenter (general vocabulary such as "Perso →
 * Personalausweis") and per tenant (local words). The search applies both; where a tenant's own entry has the same
 * term as a ServiceCenter-wide one, the tenant's wins. Searches read the merged list from a Caffeine cache per
 * tenant that a change on this node clears at once; other nodes pick the change up within {@link #CACHE_TTL}.
 */
@Service
@Transactional
public class SynonymService {

    static final String AUDIT_TYPE = "SearchSynonym";
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    static final String WRITERS = "hasAnyRole('EDITOR', 'ADMIN')";

    private final SynonymEntryRepository synonyms;
    private final TenantDirectory tenants;
    private final TenantScope scope;
    private final ChangeRecorder changes;
    private final Cache<UUID, List<SearchSynonym>> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL)
            .maximumSize(10_000)
            .build();

    SynonymService(
            SynonymEntryRepository synonyms, TenantDirectory tenants, TenantScope scope, ChangeRecorder changes) {
        this.synonyms = synonyms;
        this.tenants = tenants;
        this.scope = scope;
        this.changes = changes;
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

    @PreAuthorize(WRITERS)
    public SynonymInfo create(String slug, SynonymData data) {
        UUID tenantId = visibleTenant(slug).id();
        requireNewTerm(tenantId, data.term());
        SynonymEntry entry = synonyms.save(new SynonymEntry(tenantId, data));
        SynonymInfo info = entry.toInfo();
        changes.created(AUDIT_TYPE, entry.getId(), tenantId, info);
        cache.invalidate(tenantId);
        return info;
    }

    @PreAuthorize(WRITERS)
    public SynonymInfo update(String slug, UUID synonymId, SynonymData data) {
        SynonymEntry entry = find(slug, synonymId);
        SynonymInfo before = entry.toInfo();
        if (!SynonymEntry.key(before.term()).equals(SynonymEntry.key(data.term()))) {
            requireNewTerm(entry.getTenantId(), data.term());
        }
        entry.apply(data);
        SynonymInfo after = synonyms.saveAndFlush(entry).toInfo();
        changes.updated(AUDIT_TYPE, entry.getId(), entry.getTenantId(), before, after);
        cache.invalidate(entry.getTenantId());
        return after;
    }

    @PreAuthorize(WRITERS)
    public void delete(String slug, UUID synonymId) {
        SynonymEntry entry = find(slug, synonymId);
        SynonymInfo snapshot = entry.toInfo();
        synonyms.delete(entry);
        changes.deleted(AUDIT_TYPE, entry.getId(), entry.getTenantId(), snapshot);
        cache.invalidate(entry.getTenantId());
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
        cache.invalidate(tenantId);
    }

    void tenantDeleted(UUID tenantId) {
        synonyms.deleteByTenantId(tenantId);
        cache.invalidate(tenantId);
    }

    /**
     * The tenant's synonyms as the search applies them: its own, and the ServiceCenter-wide ones whose term it does
     * not have itself. A cache hit opens no transaction.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    List<SearchSynonym> forSearch(UUID tenantId) {
        return cache.get(tenantId, this::load);
    }

    private List<SearchSynonym> load(UUID tenantId) {
        List<SynonymEntry> own = synonyms.findByTenantIdOrderByTerm(tenantId);
        Set<String> ownTerms = own.stream().map(e -> e.toSynonym().folded()).collect(Collectors.toSet());
        List<SearchSynonym> merged = new ArrayList<>();
        own.forEach(e -> merged.add(e.toSynonym()));
        synonyms.findByTenantIdIsNullOrderByTerm().stream()
                .map(SynonymEntry::toSynonym)
                .filter(shared -> !ownTerms.contains(shared.folded()))
                .forEach(merged::add);
        return List.copyOf(merged);
    }

    // the ServiceCenter-wide list

    @Transactional(readOnly = true)
    public List<SynonymInfo> listShared() {
        return synonyms.findByTenantIdIsNullOrderByTerm().stream()
                .map(SynonymEntry::toInfo)
                .toList();
    }

    @Transactional(readOnly = true)
    public SynonymInfo getShared(UUID synonymId) {
        return findShared(synonymId).toInfo();
    }

    @PreAuthorize(WRITERS)
    public SynonymInfo createShared(SynonymData data) {
        requireNewSharedTerm(data.term());
        SynonymEntry entry = synonyms.save(new SynonymEntry(null, data));
        SynonymInfo info = entry.toInfo();
        changes.created(AUDIT_TYPE, entry.getId(), null, info);
        cache.invalidateAll();
        return info;
    }

    @PreAuthorize(WRITERS)
    public SynonymInfo updateShared(UUID synonymId, SynonymData data) {
        SynonymEntry entry = findShared(synonymId);
        SynonymInfo before = entry.toInfo();
        if (!SynonymEntry.key(before.term()).equals(SynonymEntry.key(data.term()))) {
            requireNewSharedTerm(data.term());
        }
        entry.apply(data);
        SynonymInfo after = synonyms.saveAndFlush(entry).toInfo();
        changes.updated(AUDIT_TYPE, entry.getId(), null, before, after);
        cache.invalidateAll();
        return after;
    }

    @PreAuthorize(WRITERS)
    public void deleteShared(UUID synonymId) {
        SynonymEntry entry = findShared(synonymId);
        SynonymInfo snapshot = entry.toInfo();
        synonyms.delete(entry);
        changes.deleted(AUDIT_TYPE, entry.getId(), null, snapshot);
        cache.invalidateAll();
    }

    /** Seeds the ServiceCenter-wide starting list if it is empty (demo data). */
    void seedShared(List<SearchSynonym> seed) {
        if (!synonyms.findByTenantIdIsNullOrderByTerm().isEmpty()) {
            return;
        }
        for (SearchSynonym synonym : seed) {
            if (!synonyms.existsByTenantIdIsNullAndTermKey(SynonymEntry.key(synonym.term()))) {
                synonyms.save(new SynonymEntry(null, new SynonymData(synonym.term(), synonym.expansions())));
            }
        }
        cache.invalidateAll();
    }

    private void requireNewSharedTerm(String term) {
        if (synonyms.existsByTenantIdIsNullAndTermKey(SynonymEntry.key(term))) {
            throw new InvalidFieldException("term", "knowledge.search.synonym.termTaken", term.strip());
        }
    }

    private SynonymEntry findShared(UUID synonymId) {
        return synonyms.findByIdAndTenantIdIsNull(synonymId)
                .orElseThrow(() -> new ResourceNotFoundException("knowledgeSearchSynonym"));
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
