package de.buergerservice.knowledge.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import de.buergerservice.shared.persistence.PersistentEntity;

/**
 * An editor's synonym: callers say {@code term}, the descriptions say the expansions. Kept for one tenant, or
 * ({@code tenantId == null}) once for the whole ServiceCenter.
 */
@Entity
@Table(name = "knowledge_synonym")
class SynonymEntry extends PersistentEntity {

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    @Column(nullable = false, length = 100)
    private String term;

    @Column(name = "term_key", nullable = false, length = 100)
    private String termKey;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "knowledge_synonym_expansion", joinColumns = @JoinColumn(name = "synonym_id"))
    @OrderColumn(name = "position")
    @Column(name = "expansion", nullable = false, length = 200)
    private List<String> expansions = new ArrayList<>();

    protected SynonymEntry() {}

    SynonymEntry(UUID tenantId, SynonymData data) {
        this.tenantId = tenantId;
        apply(data);
    }

    void apply(SynonymData data) {
        term = data.term().strip();
        termKey = key(term);
        expansions.clear();
        data.expansions().stream()
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .distinct()
                .forEach(expansions::add);
    }

    /** How terms are compared: "Knöllchen", "knoellchen" and " KNÖLLCHEN " are one entry. */
    static String key(String term) {
        return QueryTerms.fold(term);
    }

    UUID getTenantId() {
        return tenantId;
    }

    SynonymInfo toInfo() {
        return new SynonymInfo(getId(), term, List.copyOf(expansions));
    }

    SearchSynonym toSynonym() {
        return new SearchSynonym(term, List.copyOf(expansions));
    }
}
