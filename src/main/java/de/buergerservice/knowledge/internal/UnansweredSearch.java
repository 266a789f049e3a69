package de.buergerservice.knowledge.internal;

/** A search term and how often it was searched without a useful answer. */
public record UnansweredSearch(String query, long searches) {
}
