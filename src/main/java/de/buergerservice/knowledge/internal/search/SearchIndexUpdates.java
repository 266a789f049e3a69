package de.buergerservice.knowledge.internal.search;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import de.buergerservice.knowledge.KnowledgeChanged;
import de.buergerservice.tenancy.TenantDeleted;

/**
 * Keeps the index in step: a change is indexed once its transaction has committed (the updater then reads the
 * committed merged view), a deleted tenant leaves the index and the search log, and at start the index is
 * checked against the database.
 */
@Component
class SearchIndexUpdates {

    private final KnowledgeIndex index;
    private final SynonymService synonyms;
    private final SearchLog searchLog;

    SearchIndexUpdates(KnowledgeIndex index, SynonymService synonyms, SearchLog searchLog) {
        this.index = index;
        this.synonyms = synonyms;
        this.searchLog = searchLog;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(KnowledgeChanged change) {
        index.changed(change);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TenantDeleted deleted) {
        index.tenantDeleted(deleted.tenantId());
        synonyms.tenantDeleted(deleted.tenantId());
        searchLog.tenantDeleted(deleted.tenantId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        index.rebuildIfOutdated();
    }
}
