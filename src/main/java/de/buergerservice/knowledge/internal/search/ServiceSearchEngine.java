package de.buergerservice.knowledge.internal.search;

import static de.buergerservice.knowledge.internal.search.ServiceDocuments.BODY;
import static de.buergerservice.knowledge.internal.search.ServiceDocuments.NOTES;
import static de.buergerservice.knowledge.internal.search.ServiceDocuments.SYNONYMS;
import static de.buergerservice.knowledge.internal.search.ServiceDocuments.TITLE;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TopDocs;

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

    /** A thesaurus word counts this much of the typed word it stands for: a hint, never the decision. */
    static final float THESAURUS_WEIGHT = 0.4f;
    /** At most this many thesaurus words per typed word, of those that name services in the catalogue. */
    static final int THESAURUS_EXPANSIONS = 3;

    /** Separable verb particles as the query is folded (umlauts transcribed) → as the index spells them. */
    static final Map<String, String> PARTICLES = Map.ofEntries(
            Map.entry("an", "an"),
            Map.entry("ab", "ab"),
            Map.entry("auf", "auf"),
            Map.entry("aus", "aus"),
            Map.entry("ein", "ein"),
            Map.entry("mit", "mit"),
            Map.entry("nach", "nach"),
            Map.entry("um", "um"),
            Map.entry("vor", "vor"),
            Map.entry("zu", "zu"),
            Map.entry("weg", "weg"),
            Map.entry("zurueck", "zuruck"),
            Map.entry("fest", "fest"),
            Map.entry("zusammen", "zusammen"));
    /** A verb put together from the particle and the typed word: what the caller said, in one word. */
    static final float PARTICLE_VERB_WEIGHT = 0.8f;

    private final Analyzer analyzer;
    private final Thesaurus thesaurus;
    private final TypoCorrector typos = new TypoCorrector();

    ServiceSearchEngine(Analyzer analyzer, Thesaurus thesaurus) {
        this.analyzer = analyzer;
        this.thesaurus = thesaurus;
    }

    KnowledgeSearchResult search(
            IndexSearcher searcher,
            UUID tenantId,
            String query,
            int limit,
            Audience audience,
            List<SearchSynonym> synonyms)
            throws IOException {
        QueryTerms terms = QueryTerms.of(analyzer, query, synonyms);
        List<String> fields =
                audience == Audience.STAFF ? List.of(TITLE, SYNONYMS, BODY, NOTES) : List.of(TITLE, SYNONYMS, BODY);
        TermLookup lookup = new TermLookup(searcher);
        terms = withThesaurus(lookup, withParticleVerbs(lookup, query, withTyposTolerated(lookup, terms)));
        Query words = matching(searcher, lookup, terms, fields, query);
        Query exact = filtered(searcher, lookup, tenantId, audience, words);
        int depth = Math.max(limit, FACET_DEPTH);
        TopDocs top = searcher.search(exact, depth);
        Query used = exact;
        boolean fuzzy = false;
        if (top.totalHits.value < FEW_HITS && !terms.isEmpty()) {
            Query tolerant = filtered(
                    searcher,
                    lookup,
                    tenantId,
                    audience,
                    new BooleanQuery.Builder()
                            .add(words, Occur.SHOULD)
                            .add(new BoostQuery(typoTolerant(searcher, terms, fields), 0.5f), Occur.SHOULD)
                            .build());
            TopDocs more = searcher.search(tolerant, depth);
            if (more.totalHits.value > top.totalHits.value) {
                top = more;
                used = tolerant;
                fuzzy = true;
            }
        }
        List<KnowledgeHit> hits = hits(searcher, lookup, used, top, limit, audience);
        return new KnowledgeSearchResult(query, top.totalHits.value, fuzzy, hits, topics(searcher, top));
    }

    /**
     * Every word of the query, or any of its parts, in any field, weighted by field, by whole word or part, and by
     * the word's own weight (a synonym's words count less). The clauses form one flat disjunction — the same
     * scores as one clause per word holding its fields, but Lucene can skip documents term by term, which
     * nested disjunctions keep it from. Terms the index does not have are left out.
     */
    private Query matching(
            IndexSearcher searcher, TermLookup lookup, QueryTerms terms, List<String> fields, String rawQuery)
            throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryTerms.Group group : terms.groups()) {
            for (String field : fields) {
                float weight = FIELD_WEIGHTS.get(field) * group.weight();
                if (!group.unknown()) {
                    addTerm(query, lookup, new Term(field, group.word()), weight);
                } else if (typoField(field)) {
                    query.add(boosted(fuzzy(searcher, field, group.word()), weight), Occur.SHOULD);
                }
                for (String part : group.parts()) {
                    addTerm(query, lookup, new Term(field, part), weight * PART_WEIGHT);
                }
            }
        }
        // agents type LeiKa keys and DLDB ids they read off a form
        String key = rawQuery.strip();
        addTerm(query, lookup, new Term(ServiceDocuments.LEIKA, key), 20f);
        addTerm(query, lookup, new Term(ServiceDocuments.EXTERNAL_ID, key), 20f);
        return query.build();
    }

    private static void addTerm(BooleanQuery.Builder query, TermLookup lookup, Term term, float boost)
            throws IOException {
        if (lookup.docFreq(term) > 0) {
            query.add(boosted(lookup.query(term), boost), Occur.SHOULD);
        }
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
    private static QueryTerms withTyposTolerated(TermLookup lookup, QueryTerms terms) throws IOException {
        List<QueryTerms.Group> groups = new ArrayList<>(terms.groups().size());
        for (QueryTerms.Group group : terms.groups()) {
            boolean unknown = !group.fromSynonym() && group.word().length() >= 4 && !known(lookup, group.word());
            if (!unknown) {
                groups.add(group);
                continue;
            }
            List<String> halves = group.parts().isEmpty() ? vocabularySplit(lookup, group.word()) : List.of();
            groups.add(
                    halves.isEmpty()
                            ? group.asUnknown()
                            : new QueryTerms.Group(group.word(), halves, group.weight(), false, false));
        }
        return new QueryTerms(groups);
    }

    /**
     * German separates a verb's particle in a sentence: "Wie melde ich mich an?", "Ich hole den Führerschein ab".
     * The analysis sees "meld" and drops "an" as a stop word; the titles say "Anmeldung" (anmeld) and "Abholung"
     * (abhol). For every particle standing alone in the query, the particle joined to each typed word is added as
     * a word of its own if the catalogue names services by it (titles, keywords); otherwise nothing happens.
     */
    private static QueryTerms withParticleVerbs(TermLookup lookup, String query, QueryTerms terms) throws IOException {
        List<String> particles = new ArrayList<>(2);
        for (String word : QueryTerms.fold(query).split(" ")) {
            String particle = PARTICLES.get(word);
            if (particle != null && !particles.contains(particle)) {
                particles.add(particle);
            }
        }
        if (particles.isEmpty()) {
            return terms;
        }
        List<QueryTerms.Group> groups = new ArrayList<>(terms.groups());
        for (String particle : particles) {
            for (QueryTerms.Group group : terms.groups()) {
                String verb = particle + group.word();
                if (!group.fromSynonym()
                        && !group.unknown()
                        && groups.size() < QueryTerms.MAX_GROUPS
                        && namesServices(lookup, verb)) {
                    groups.add(new QueryTerms.Group(verb, List.of(), group.weight() * PARTICLE_VERB_WEIGHT, true));
                }
            }
        }
        return groups.size() == terms.groups().size() ? terms : new QueryTerms(groups);
    }

    /**
     * Adds, for each typed word, up to {@value #THESAURUS_EXPANSIONS} thesaurus words that occur in the titles or
     * keywords of the catalogue — the words services are named by —, weighted at {@link #THESAURUS_WEIGHT} of the
     * typed word. Words of the thesaurus the catalogue does not name anything by are noise and are left out.
     */
    private QueryTerms withThesaurus(TermLookup lookup, QueryTerms terms) throws IOException {
        List<QueryTerms.Group> groups = new ArrayList<>(terms.groups());
        for (QueryTerms.Group group : terms.groups()) {
            if (group.fromSynonym()) {
                continue;
            }
            int added = 0;
            for (String expansion : thesaurus.expansions(group.word())) {
                if (added == THESAURUS_EXPANSIONS || groups.size() >= QueryTerms.MAX_GROUPS) {
                    break;
                }
                if (namesServices(lookup, expansion)) {
                    groups.add(new QueryTerms.Group(expansion, List.of(), group.weight() * THESAURUS_WEIGHT, true));
                    added++;
                }
            }
        }
        return groups.size() == terms.groups().size() ? terms : new QueryTerms(groups);
    }

    private static boolean namesServices(TermLookup lookup, String term) throws IOException {
        return lookup.docFreq(new Term(TITLE, term)) > 0 || lookup.docFreq(new Term(SYNONYMS, term)) > 0;
    }

    private static boolean known(TermLookup lookup, String term) throws IOException {
        for (String field : TEXT_FIELDS) {
            if (lookup.docFreq(new Term(field, term)) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A compound the dictionary cannot split ("Führerscheinumschreibung") may still be two words of the
     * catalogue: the longest known head (with or without the joining "s") followed by a known tail.
     */
    private static List<String> vocabularySplit(TermLookup lookup, String word) throws IOException {
        for (int cut = word.length() - 4; cut >= 4; cut--) {
            String head = word.substring(0, cut);
            String tail = word.substring(cut);
            if (!known(lookup, tail)) {
                continue;
            }
            if (known(lookup, head)) {
                return List.of(head, tail);
            }
            if (head.endsWith("s") && head.length() > 4 && known(lookup, head.substring(0, head.length() - 1))) {
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
    private static Query filtered(
            IndexSearcher searcher, TermLookup lookup, UUID tenantId, Audience audience, Query query)
            throws IOException {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
        filterUnlessAll(searcher, lookup, filtered, new Term(ServiceDocuments.TENANT, tenantId.toString()));
        if (audience == Audience.PUBLIC) {
            filterUnlessAll(searcher, lookup, filtered, new Term(ServiceDocuments.PUBLISHED, "true"));
        }
        return filtered.build();
    }

    private static void filterUnlessAll(
            IndexSearcher searcher, TermLookup lookup, BooleanQuery.Builder query, Term term) throws IOException {
        // docFreq counts deleted documents too: equal to maxDoc means every document, live or not, has the term
        if (lookup.docFreq(term) < searcher.getIndexReader().maxDoc()) {
            query.add(lookup.query(term), Occur.FILTER);
        }
    }

    private static Query boosted(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    private static List<KnowledgeHit> hits(
            IndexSearcher searcher, TermLookup lookup, Query query, TopDocs top, int limit, Audience audience)
            throws IOException {
        int count = Math.min(limit, top.scoreDocs.length);
        if (count == 0) {
            return List.of();
        }
        int[] docIds = new int[count];
        for (int i = 0; i < count; i++) {
            docIds[i] = top.scoreDocs[i].doc;
        }
        Map<Integer, HitData> data = HitData.read(searcher.getIndexReader(), docIds);
        Set<Term> terms = new LinkedHashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        Map<Integer, String> snippets = snippets(searcher, lookup, terms, data, BODY, HitData::body);
        if (audience == Audience.STAFF && snippets.size() < count) {
            snippets(searcher, lookup, terms, data, NOTES, HitData::notes).forEach(snippets::putIfAbsent);
        }
        List<KnowledgeHit> hits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HitData hit = data.get(docIds[i]);
            String snippet = snippets.get(docIds[i]);
            if (snippet == null || snippet.isBlank()) {
                snippet = plainSnippet(hit.summary() != null ? hit.summary() : hit.body());
            }
            hits.add(new KnowledgeHit(
                    hit.service(),
                    hit.externalId(),
                    hit.leikaKey(),
                    hit.title(),
                    snippet,
                    top.scoreDocs[i].score,
                    hit.published()));
        }
        return hits;
    }

    private static Map<Integer, String> snippets(
            IndexSearcher searcher,
            TermLookup lookup,
            Set<Term> terms,
            Map<Integer, HitData> data,
            String field,
            Function<HitData, String> text)
            throws IOException {
        Map<Integer, String> texts = new HashMap<>();
        data.forEach((doc, hit) -> texts.put(doc, text.apply(hit)));
        return Snippets.of(searcher.getIndexReader(), lookup, field, terms, texts);
    }

    private static String plainSnippet(String text) {
        if (text == null) {
            return "";
        }
        String shortened = text.length() <= HitData.SUMMARY_CHARS
                ? text
                : text.substring(0, HitData.SUMMARY_CHARS).strip() + " …";
        return Snippets.escape(shortened);
    }

    /** Topics among the best hits, most frequent first. */
    private static List<TopicCount> topics(IndexSearcher searcher, TopDocs top) throws IOException {
        int[] ascending =
                Arrays.stream(top.scoreDocs).mapToInt(hit -> hit.doc).sorted().toArray();
        Map<String, Long> counts = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int at = 0;
        while (at < ascending.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(ascending[at], leaves));
            int leafEnd = leaf.docBase + leaf.reader().maxDoc();
            SortedSetDocValues topics = leaf.reader().getSortedSetDocValues(ServiceDocuments.TOPIC);
            Map<Long, Long> perOrd = new HashMap<>();
            for (; at < ascending.length && ascending[at] < leafEnd; at++) {
                if (topics != null && topics.advanceExact(ascending[at] - leaf.docBase)) {
                    for (int i = 0; i < topics.docValueCount(); i++) {
                        perOrd.merge(topics.nextOrd(), 1L, Long::sum);
                    }
                }
            }
            for (Map.Entry<Long, Long> ord : perOrd.entrySet()) {
                counts.merge(topics.lookupOrd(ord.getKey()).utf8ToString(), ord.getValue(), Long::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new TopicCount(e.getKey(), e.getValue()))
                .toList();
    }
}
