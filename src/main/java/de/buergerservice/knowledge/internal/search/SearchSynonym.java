package de.buergerservice.knowledge.internal.search;

import java.util.List;

/** An editor's synonym: a word callers use ({@code term}) and what the descriptions call it instead. */
record SearchSynonym(String term, List<String> expansions) {
}
