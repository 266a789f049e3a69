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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
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
    static final Map<String, Float> FIELD_WEIGHTS = Map.of(TITLE, 4f, SYNONYMS, 3f, BODY, 1f, NOTES, 1f);
    static final float PART_WEIGHT = 0.5f;
    static final List<String> TEXT_FIELDS = List.of(TITLE, SYNONYMS, BODY, NOTES);
    /** Fewer hits than this and the fuzzy variant of the query is tried as well. */
    static final int FEW_HITS = 3;
    /** Topics are counted over this many best hits: enough to steer a refinement, cheap to read. */
    static final int FACET_DEPTH = 50;
    static final int SNIPPET_FALLBACK_CHARS = 200;
    /** Snippets are taken from the first part of long texts, where descriptions say what matters. */
    static final int HIGHLIGHT_CHARS = 5_000;
    private static final Set<String> STORED_FOR_HITS = Set.of(ServiceDocuments.SERVICE,
            ServiceDocuments.EXTERNAL_ID, ServiceDocuments.LEIKA, TITLE, SUMMARY, ServiceDocuments.PUBLISHED, BODY,
            NOTES);

    private final Analyzer analyzer;
    private final TypoCorrector typos = new TypoCorrector();

    ServiceSearchEngine(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    KnowledgeSearchResult search(IndexSearcher searcher, UUID tenantId, String query, int limit, Audience audience,
            List<SearchSynonym> synonyms) throws IOException {
        QueryTerms terms = QueryTerms.of(analyzer, query, synonyms);
        List<String> fields = audience == Audience.STAFF ? List.of(TITLE, SYNONYMS, BODY, NOTES)
                : List.of(TITLE, SYNONYMS, BODY);
        terms = withTyposTolerated(searcher, terms);
        Query words = matching(searcher, terms, fields, query);
        Query exact = filtered(searcher, tenantId, audience, words);
        int depth = Math.max(limit, FACET_DEPTH);
        TopDocs top = searcher.search(exact, depth);
        Query used = exact;
        boolean fuzzy = false;
        if (top.totalHits.value < FEW_HITS && !terms.isEmpty()) {
            Query tolerant = filtered(searcher, tenantId, audience, new BooleanQuery.Builder()
                    .add(words, Occur.SHOULD)
                    .add(new BoostQuery(typoTolerant(searcher, terms, fields), 0.5f), Occur.SHOULD).build());
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
    private Query matching(IndexSearcher searcher, QueryTerms terms, List<String> fields, String rawQuery)
            throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryTerms.Group group : terms.groups()) {
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            for (String field : fields) {
                float weight = FIELD_WEIGHTS.get(field);
                if (!group.unknown()) {
                    word.add(boosted(new TermQuery(new Term(field, group.word())), weight), Occur.SHOULD);
                } else if (typoField(field)) {
                    word.add(boosted(fuzzy(searcher, field, group.word()), weight), Occur.SHOULD);
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
    private Query typoTolerant(IndexSearcher searcher, QueryTerms terms, List<String> fields) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryTerms.Group group : terms.groups()) {
            String word = group.word();
            if (group.fromSynonym() || word.length() < 4) {
                continue;
            }
            for (String field : fields) {
                if (typoField(field)) {
                    query.add(boosted(fuzzy(searcher, field, word), FIELD_WEIGHTS.get(field)), Occur.SHOULD);
                }
            }
        }
        return query.build();
    }

    /**
     * The words of the field within one edit of a short word, two of a long one (the first letter is rarely the
     * typo), as one blended term: closer words count more, and a rare near-miss does not outweigh a common one.
     */
    private Query fuzzy(IndexSearcher searcher, String field, String word) throws IOException {
        List<TypoCorrector.Correction> corrections = typos.corrections(searcher.getIndexReader(), field, word);
        if (corrections.isEmpty()) {
            return new MatchNoDocsQuery("nothing in " + field + " is close to " + word);
        }
        SynonymQuery.Builder blended = new SynonymQuery.Builder(field);
        for (TypoCorrector.Correction correction : corrections) {
            blended.addTerm(new Term(field, correction.term()), correction.similarity(word));
        }
        return blended.build();
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

    /**
     * Restricts the query to the tenant (and to published content for citizens). A filter every document of the
     * index passes is left out: it changes nothing, but a filtered disjunction is scored document by document,
     * while a bare one lets Lucene skip documents that cannot reach the best hits.
     */
    private static Query filtered(IndexSearcher searcher, UUID tenantId, Audience audience, Query query)
            throws IOException {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
        filterUnlessAll(searcher, filtered, new Term(ServiceDocuments.TENANT, tenantId.toString()));
        if (audience == Audience.PUBLIC) {
            filterUnlessAll(searcher, filtered, new Term(ServiceDocuments.PUBLISHED, "true"));
        }
        return filtered.build();
    }

    private static void filterUnlessAll(IndexSearcher searcher, BooleanQuery.Builder query, Term term)
            throws IOException {
        // docFreq counts deleted documents too: equal to maxDoc means every document, live or not, has the term
        if (searcher.getIndexReader().docFreq(term) < searcher.getIndexReader().maxDoc()) {
            query.add(new TermQuery(term), Occur.FILTER);
        }
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
        String[] snippetFields = audience == Audience.STAFF ? new String[] {BODY, NOTES}
                : new String[] {BODY};
        // each hit's stored fields are read once, for the hit and for its snippet
        Map<Integer, Document> docs = new HashMap<>();
        StoredFields storedFields = searcher.storedFields();
        for (int docId : docIds) {
            docs.put(docId, storedFields.document(docId, STORED_FOR_HITS));
        }
        int[] passages = new int[snippetFields.length];
        Arrays.fill(passages, 1);
        Map<String, String[]> highlights = highlighter(searcher, docs).highlightFields(snippetFields,
                snippetTerms(query, snippetFields), docIds, passages);
        List<KnowledgeHit> hits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Document doc = docs.get(docIds[i]);
            String snippet = firstHighlight(highlights, snippetFields, i);
            if (snippet == null) {
                snippet = plainSnippet(doc.get(SUMMARY) != null ? doc.get(SUMMARY) : doc.get(BODY));
            }
            hits.add(new KnowledgeHit(UUID.fromString(doc.get(ServiceDocuments.SERVICE)),
                    doc.get(ServiceDocuments.EXTERNAL_ID), doc.get(ServiceDocuments.LEIKA), doc.get(TITLE), snippet,
                    top.scoreDocs[i].score, Boolean.parseBoolean(doc.get(ServiceDocuments.PUBLISHED))));
        }
        return hits;
    }

    /**
     * The query's terms in the snippet fields, as one flat query: the highlighter matches every clause of the
     * query it is given against every hit, and the search query has its clauses for every field.
     */
    private static Query snippetTerms(Query query, String[] fields) {
        Set<Term> terms = new LinkedHashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        Set<String> wanted = Set.of(fields);
        BooleanQuery.Builder flat = new BooleanQuery.Builder();
        terms.stream().filter(term -> wanted.contains(term.field()))
                .limit(IndexSearcher.getMaxClauseCount())
                .forEach(term -> flat.add(new TermQuery(term), Occur.SHOULD));
        return flat.build();
    }

    /** A highlighter that takes the texts from the documents already read instead of reading them again. */
    private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<Integer, Document> docs) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.GERMAN))
                .withMaxNoHighlightPassages(0).withMaxLength(HIGHLIGHT_CHARS).withScorer(new SentenceScorer())
                // term by term: with a flat term query this is cheaper than asking the query for its matches
                .withWeightMatches(false);
        return new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                    int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    CharSequence[] byField = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String value = docs.get(doc).get(fields[f]);
                        byField[f] = value == null || value.length() <= HIGHLIGHT_CHARS ? value
                                : value.substring(0, HIGHLIGHT_CHARS);
                    }
                    values.add(byField);
                }
                return values;
            }
        };
    }

    /**
     * Lucene's passage scoring (BM25 over the sentence) without its cost: the stock scorer builds a hash table with
     * a 32 KB block for every sentence it scores; a sentence has a handful of matches, compared pairwise here.
     */
    private static final class SentenceScorer extends PassageScorer {

        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
            float score = 0;
            for (int i = 0; i < matches; i++) {
                if (seenBefore(terms, i)) {
                    continue;
                }
                int freqInPassage = 1;
                for (int j = i + 1; j < matches; j++) {
                    if (terms[j].bytesEquals(terms[i])) {
                        freqInPassage++;
                    }
                }
                score += tf(freqInPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
            }
            return score * norm(passage.getStartOffset());
        }

        private static boolean seenBefore(BytesRef[] terms, int i) {
            for (int j = 0; j < i; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    return true;
                }
            }
            return false;
        }
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
