package de.buergerservice.knowledge.internal.search;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeSearch;
import de.buergerservice.knowledge.KnowledgeSearchResult;

/**
 * The knowledge search on the in-process Lucene index, with the tenant's synonyms and the general thesaurus
 * ({@code buergerservice.knowledge.thesaurus}, by default where Debian's {@code openthesaurus-de-text} puts it);
 * every search is logged.
 */
@Service
class LuceneKnowledgeSearch implements KnowledgeSearch {

    private final KnowledgeIndex index;
    private final ServiceSearchEngine engine;
    private final SynonymService synonyms;
    private final SearchLog searchLog;

    LuceneKnowledgeSearch(
            KnowledgeIndex index,
            SynonymService synonyms,
            SearchLog searchLog,
            @Value("${buergerservice.knowledge.thesaurus:" + Thesaurus.DEBIAN_FILE + "}") Path thesaurus) {
        this.index = index;
        this.engine = new ServiceSearchEngine(index.analyzer(), Thesaurus.load(thesaurus));
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
