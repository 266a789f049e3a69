package de.buergerservice.knowledge.internal.search;

import static de.buergerservice.knowledge.internal.search.ServiceDocuments.BODY;
import static de.buergerservice.knowledge.internal.search.ServiceDocuments.NOTES;
import static de.buergerservice.knowledge.internal.search.ServiceDocuments.SUMMARY;
import static de.buergerservice.knowledge.internal.search.ServiceDocuments.SYNONYMS;
import static de.buergerservice.knowledge.internal.search.ServiceDocuments.TITLE;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.springframework.web.util.HtmlUtils;

import de.buergerservice.knowledge.Audience;
import de.buergerservice.knowledge.KnowledgeHit;
import de.buergerservice.knowledge.KnowledgeSearchResult;
import de.buergerservice.knowledge.KnowledgeSearchResult.TopicCount;

/**
 * Turns a caller's words into a Lucene query and the best documents into hits. Title and keywords weigh more
 * than the text; whole words more than compound parts; when the words find (almost) nothing, typo tolerance
 * steps in. Plain Lucene, no Spring: the relevance test and the benchmark run exactly this.
 */
final class ServiceSearchEngine {

    /** Field weights: a word in the title says more about the service than the same word in its text. */
    static final Map<String, Float> FIELD_WEIGHTS = Map.of(TITLE, 4f, SYNONYMS, 3f, SUMMARY, 1.5f, BODY, 1f,
            NOTES, 1f);
    static final float PART_WEIGHT = 0.5f;
    static final List<String> TEXT_FIELDS = List.of(TITLE, SYNONYMS, SUMMARY, BODY, NOTES);
    /** Fewer hits than this and the fuzzy variant of the query is tried as well. */
    static final int FEW_HITS = 3;
    /** Topics are counted over this many best hits: enough to steer a refinement, cheap to read. */
    static final int FACET_DEPTH = 50;
    static final int SNIPPET_FALLBACK_CHARS = 200;
    /** Snippets are taken from the first part of long texts, where descriptions say what matters. */
    static final int HIGHLIGHT_CHARS = 5_000;

    private final Analyzer analyzer;

    ServiceSearchEngine(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    KnowledgeSearchResult search(IndexSearcher searcher, UUID tenantId, String query, int limit, Audience audience,
            List<SearchSynonym> synonyms) throws IOException {
        QueryTerms terms = QueryTerms.of(analyzer, query, synonyms);
        List<String> fields = audience == Audience.STAFF ? List.of(TITLE, SYNONYMS, SUMMARY, BODY, NOTES)
                : List.of(TITLE, SYNONYMS, SUMMARY, BODY);
        terms = withTyposTolerated(searcher, terms);
        Query exact = filtered(tenantId, audience, matching(terms, fields, query));
        int depth = Math.max(limit, FACET_DEPTH);
        TopDocs top = searcher.search(exact, depth);
        Query used = exact;
        boolean fuzzy = false;
        if (top.totalHits.value < FEW_HITS && !terms.isEmpty()) {
            Query tolerant = filtered(tenantId, audience, new BooleanQuery.Builder()
                    .add(matching(terms, fields, query), Occur.SHOULD)
                    .add(new BoostQuery(typoTolerant(terms, fields), 0.5f), Occur.SHOULD).build());
            TopDocs more = searcher.search(tolerant, depth);
            if (more.totalHits.value > top.totalHits.value) {
                top = more;
                used = tolerant;
                fuzzy = true;
            }
        }
        List<KnowledgeHit> hits = hits(searcher, used, top, limit, audience);
        return new KnowledgeSearchResult(query, top.totalHits.value, fuzzy, hits, topics(searcher, top));
    }

    /** One clause per word of the query: the word or any of its parts, in any field, weighted. */
    private static Query matching(QueryTerms terms, List<String> fields, String rawQuery) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryTerms.Group group : terms.groups()) {
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            for (String field : fields) {
                float weight = FIELD_WEIGHTS.get(field);
                if (!group.unknown()) {
                    word.add(boosted(new TermQuery(new Term(field, group.word())), weight), Occur.SHOULD);
                } else if (typoField(field)) {
                    word.add(boosted(fuzzy(field, group.word()), weight), Occur.SHOULD);
                }
                for (String part : group.parts()) {
                    word.add(boosted(new TermQuery(new Term(field, part)), weight * PART_WEIGHT), Occur.SHOULD);
                }
            }
            query.add(boosted(word.build(), group.weight()), Occur.SHOULD);
        }
        // agents type LeiKa keys and DLDB ids they read off a form
        String key = rawQuery.strip();
        query.add(boosted(new TermQuery(new Term(ServiceDocuments.LEIKA, key)), 20f), Occur.SHOULD);
        query.add(boosted(new TermQuery(new Term(ServiceDocuments.EXTERNAL_ID, key)), 20f), Occur.SHOULD);
        return query.build();
    }

    /** Each typed word (not synonyms, not parts) within one or two edits, in title, keywords and text. */
    private static Query typoTolerant(QueryTerms terms, List<String> fields) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryTerms.Group group : terms.groups()) {
            String word = group.word();
            if (group.fromSynonym() || word.length() < 4) {
                continue;
            }
            for (String field : fields) {
                if (typoField(field)) {
                    query.add(boosted(fuzzy(field, word), FIELD_WEIGHTS.get(field)), Occur.SHOULD);
                }
            }
        }
        return query.build();
    }

    /** Within one edit for short words, two for long ones; the first letter is rarely the typo. */
    private static Query fuzzy(String field, String word) {
        return new FuzzyQuery(new Term(field, word), word.length() >= 8 ? 2 : 1, 1, 20, true);
    }

    /**
     * Typos are looked up in titles and keywords only: their vocabulary is small, so the edit-distance automaton
     * walks a few thousand terms instead of the whole body vocabulary — and a misspelt word that matters names the
     * service.
     */
    private static boolean typoField(String field) {
        return field.equals(TITLE) || field.equals(SYNONYMS);
    }

    /**
     * A typed word the index does not know at all ("Personalausweiß", "wonsitz") is a typo, not a rare word:
     * it is looked up fuzzily from the start, so the other words of the query do not decide the result alone.
     */
    private static QueryTerms withTyposTolerated(IndexSearcher searcher, QueryTerms terms) throws IOException {
        List<QueryTerms.Group> groups = new ArrayList<>(terms.groups().size());
        for (QueryTerms.Group group : terms.groups()) {
            boolean unknown = !group.fromSynonym() && group.word().length() >= 4 && !known(searcher, group.word());
            if (!unknown) {
                groups.add(group);
                continue;
            }
            List<String> halves = group.parts().isEmpty() ? vocabularySplit(searcher, group.word()) : List.of();
            groups.add(halves.isEmpty() ? group.asUnknown()
                    : new QueryTerms.Group(group.word(), halves, group.weight(), false, false));
        }
        return new QueryTerms(groups);
    }

    private static boolean known(IndexSearcher searcher, String term) throws IOException {
        for (String field : TEXT_FIELDS) {
            if (searcher.getIndexReader().docFreq(new Term(field, term)) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A compound the dictionary cannot split ("Führerscheinumschreibung") may still be two words of the
     * catalogue: the longest known head (with or without the joining "s") followed by a known tail.
     */
    private static List<String> vocabularySplit(IndexSearcher searcher, String word) throws IOException {
        for (int cut = word.length() - 4; cut >= 4; cut--) {
            String head = word.substring(0, cut);
            String tail = word.substring(cut);
            if (!known(searcher, tail)) {
                continue;
            }
            if (known(searcher, head)) {
                return List.of(head, tail);
            }
            if (head.endsWith("s") && head.length() > 4 && known(searcher, head.substring(0, head.length() - 1))) {
                return List.of(head.substring(0, head.length() - 1), tail);
            }
        }
        return List.of();
    }

    private static Query filtered(UUID tenantId, Audience audience, Query query) {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST)
                .add(new TermQuery(new Term(ServiceDocuments.TENANT, tenantId.toString())), Occur.FILTER);
        if (audience == Audience.PUBLIC) {
            filtered.add(new TermQuery(new Term(ServiceDocuments.PUBLISHED, "true")), Occur.FILTER);
        }
        return filtered.build();
    }

    private static Query boosted(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    private List<KnowledgeHit> hits(IndexSearcher searcher, Query query, TopDocs top, int limit,
            Audience audience) throws IOException {
        int count = Math.min(limit, top.scoreDocs.length);
        if (count == 0) {
            return List.of();
        }
        int[] docIds = new int[count];
        for (int i = 0; i < count; i++) {
            docIds[i] = top.scoreDocs[i].doc;
        }
        String[] snippetFields = audience == Audience.STAFF ? new String[] {SUMMARY, BODY, NOTES}
                : new String[] {SUMMARY, BODY};
        int[] passages = new int[snippetFields.length];
        Arrays.fill(passages, 1);
        Map<String, String[]> highlights = highlighter(searcher).highlightFields(snippetFields, query, docIds,
                passages);
        List<KnowledgeHit> hits = new ArrayList<>(count);
        Set<String> stored = Set.of(ServiceDocuments.SERVICE, ServiceDocuments.EXTERNAL_ID, ServiceDocuments.LEIKA,
                TITLE, SUMMARY, ServiceDocuments.PUBLISHED);
        for (int i = 0; i < count; i++) {
            Document doc = searcher.storedFields().document(docIds[i], stored);
            String snippet = firstHighlight(highlights, snippetFields, i);
            if (snippet == null) {
                snippet = plainSnippet(doc.get(SUMMARY) != null ? doc.get(SUMMARY)
                        : searcher.storedFields().document(docIds[i], Set.of(BODY)).get(BODY));
            }
            hits.add(new KnowledgeHit(UUID.fromString(doc.get(ServiceDocuments.SERVICE)),
                    doc.get(ServiceDocuments.EXTERNAL_ID), doc.get(ServiceDocuments.LEIKA), doc.get(TITLE), snippet,
                    top.scoreDocs[i].score, Boolean.parseBoolean(doc.get(ServiceDocuments.PUBLISHED))));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.GERMAN))
                .withMaxNoHighlightPassages(0).withMaxLength(HIGHLIGHT_CHARS)
                // typo-tolerant clauses would make it intersect their automata with every body term
                .withHandleMultiTermQuery(false).build();
    }

    private static String firstHighlight(Map<String, String[]> highlights, String[] fields, int hit) {
        for (String field : fields) {
            String[] values = highlights.get(field);
            if (values != null && values[hit] != null && !values[hit].isBlank()) {
                return values[hit].strip();
            }
        }
        return null;
    }

    private static String plainSnippet(String text) {
        if (text == null) {
            return "";
        }
        String shortened = text.length() <= SNIPPET_FALLBACK_CHARS ? text
                : text.substring(0, SNIPPET_FALLBACK_CHARS).strip() + " …";
        return HtmlUtils.htmlEscape(shortened);
    }

    /** Topics among the best hits, most frequent first. */
    private static List<TopicCount> topics(IndexSearcher searcher, TopDocs top) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            SortedSetDocValues topics = leaf.reader().getSortedSetDocValues(ServiceDocuments.TOPIC);
            if (topics != null && topics.advanceExact(hit.doc - leaf.docBase)) {
                for (int i = 0; i < topics.docValueCount(); i++) {
                    counts.merge(topics.lookupOrd(topics.nextOrd()).utf8ToString(), 1L, Long::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new TopicCount(e.getKey(), e.getValue())).toList();
    }
}
