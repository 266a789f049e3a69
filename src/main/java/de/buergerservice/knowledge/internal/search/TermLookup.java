package de.buergerservice.knowledge.internal.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * The term dictionary as one query sees it: every term is sought once, through one terms enum per field and
 * segment, and the result serves both the "is this word in the index at all" check and the query's weights.
 *
 * <p>Left to itself, Lucene opens a fresh terms enum for every lookup ({@code docFreq}, and again for every
 * {@link TermQuery} when the query is weighted); a query of five words over four fields with their compound parts
 * made a hundred of them, a tenth of the search time. Not thread-safe: one per search.
 */
final class TermLookup {

    private final IndexReaderContext top;
    private final Map<String, TermsEnum[]> enums = new HashMap<>();
    private final Map<Term, TermStates> states = new HashMap<>();

    TermLookup(IndexSearcher searcher) {
        this.top = searcher.getTopReaderContext();
    }

    /** Number of documents (deleted ones included, as Lucene counts) that contain the term. */
    int docFreq(Term term) throws IOException {
        return states(term).docFreq();
    }

    /** A term query that finds its term's postings without looking the term up again. */
    TermQuery query(Term term) throws IOException {
        return new TermQuery(term, states(term));
    }

    /**
     * The term's postings in one segment, with what {@code flags} asks for ({@link PostingsEnum#OFFSETS} for
     * snippets), or {@code null} if the segment does not have the term.
     */
    PostingsEnum postings(Term term, LeafReaderContext leaf, int flags) throws IOException {
        TermState state = states(term).get(leaf);
        if (state == null) {
            return null;
        }
        TermsEnum terms = enums.get(term.field())[leaf.ord];
        terms.seekExact(term.bytes(), state);
        return terms.postings(null, flags);
    }

    private TermStates states(Term term) throws IOException {
        TermStates known = states.get(term);
        if (known != null) {
            return known;
        }
        List<LeafReaderContext> leaves = top.leaves();
        TermsEnum[] byLeaf = enums.computeIfAbsent(term.field(), field -> new TermsEnum[leaves.size()]);
        TermStates found = new TermStates(top);
        for (LeafReaderContext leaf : leaves) {
            TermsEnum terms = byLeaf[leaf.ord];
            if (terms == null) {
                Terms fieldTerms = leaf.reader().terms(term.field());
                if (fieldTerms == null) {
                    continue;
                }
                terms = fieldTerms.iterator();
                byLeaf[leaf.ord] = terms;
            }
            if (terms.seekExact(term.bytes())) {
                found.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
            }
        }
        states.put(term, found);
        return found;
    }
}
