package de.buergerservice.knowledge.internal.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeSearchResult;

/**
 * The search engine exactly as the product runs it (analysis chain, index, query building, highlighting, facets),
 * opened for the benchmark in {@code knowledge.bench}; no Spring, no database.
 */
public final class SearchBenchSupport implements Closeable {

    private final SearchIndex index;
    private final ServiceSearchEngine engine =
            new ServiceSearchEngine(new GermanServiceAnalyzer(), Thesaurus.load(Path.of(Thesaurus.DEBIAN_FILE)));
    private final List<SearchSynonym> synonyms = SynonymSeed.load();

    public SearchBenchSupport(Path dir) {
        this.index = SearchIndex.open(dir, new GermanServiceAnalyzer());
    }

    public static List<IndexedService> munichCatalogue(UUID tenantId) throws IOException {
        return MunichCatalogue.present() ? MunichCatalogue.load(tenantId) : List.of();
    }

    public static List<String> relevancePhrasings() throws IOException {
        return RelevanceTests.phrasings().stream()
                .map(RelevanceTests.Phrasing::query)
                .toList();
    }

    public void add(IndexedService service) throws IOException {
        index.add(service);
    }

    /** Adds all as a rebuild does: analysed on every core. */
    public void addAll(List<IndexedService> services) throws IOException {
        index.addAll(services.stream());
    }

    /** Merges, commits and opens the new searcher: what a rebuild does before it is swapped in. */
    public void commit() throws IOException {
        index.compact();
        index.commit(java.util.Map.of());
        index.refresh();
    }

    /** An update as the updater thread applies it, without waiting for visibility. */
    public long upsert(IndexedService service) throws IOException {
        return index.upsert(service);
    }

    /** An update as the product applies it: written, then made visible at once. */
    public void upsertVisible(IndexedService service) throws IOException {
        index.awaitVisible(index.upsert(service));
    }

    public KnowledgeSearchResult search(UUID tenantId, String query, int limit) throws IOException {
        return index.search(searcher -> engine.search(searcher, tenantId, query, limit, Audience.STAFF, synonyms));
    }

    public int documents() throws IOException {
        return index.documents();
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
