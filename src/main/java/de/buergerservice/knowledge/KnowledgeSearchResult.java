package de.buergerservice.knowledge;

import java.util.List;

/**
 * The answer to one search: the best hits, how many services matched, whether typo tolerance had to step in,
 * and the topics of the best hits with their counts (for filtering in the UI).
 */
public record KnowledgeSearchResult(
        String query, long totalHits, boolean fuzzy, List<KnowledgeHit> hits, List<TopicCount> topics) {

    /** A topic and how many of the best hits belong to it. */
    public record TopicCount(String topic, long count) {}
}
