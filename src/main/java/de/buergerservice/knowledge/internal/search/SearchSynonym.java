package de.buergerservice.knowledge.internal.search;

import java.util.List;

/**
 * An editor's synonym: a word callers use ({@code term}) and what the descriptions call it instead.
 * {@code folded} is the term as queries are matched against it, computed once.
 */
record SearchSynonym(String term, List<String> expansions, String folded) {

    SearchSynonym(String term, List<String> expansions) {
        this(term, expansions, " " + QueryTerms.fold(term) + " ");
    }
}
