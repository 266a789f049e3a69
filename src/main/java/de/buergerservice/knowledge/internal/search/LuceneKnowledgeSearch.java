package de.buergerservice.knowledge.internal.search;

import java.util.UUID;

import org.springframework.stereotype.Service;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeSearch;
import de.buergerservice.knowledge.KnowledgeSearchResult;

/** The knowledge search on the in-process Lucene index, with the tenant's synonyms; every search is logged. */
@Service
class LuceneKnowledgeSearch implements KnowledgeSearch {

    private final KnowledgeIndex index;
    private final ServiceSearchEngine engine;
    private final SynonymService synonyms;
    private final SearchLog searchLog;

    LuceneKnowledgeSearch(KnowledgeIndex index, SynonymService synonyms, SearchLog searchLog) {
        this.index = index;
        this.engine = new ServiceSearchEngine(index.analyzer());
        this.synonyms = synonyms;
        this.searchLog = searchLog;
    }

    @Override
    public KnowledgeSearchResult search(UUID tenantId, String query, int limit, Audience audience) {
        KnowledgeSearchResult result = index.search(
                searcher -> engine.search(searcher, tenantId, query, limit, audience, synonyms.forSearch(tenantId)));
        searchLog.searched(tenantId, query, audience, result.totalHits());
        return result;
    }
}
