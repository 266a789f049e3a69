package de.buergerservice.knowledge.internal;

import java.util.List;
import java.util.UUID;

/**
 * "Most searched without a click": what agents and citizens of a tenant searched for without opening any hit — the
 * list that tells editors what to write next. Implemented by the search index; the dashboard shows an empty list
 * while no implementation is present.
 */
public interface UnansweredSearches {

    /** The most frequent unanswered queries of the tenant, most frequent first. */
    List<UnansweredSearch> top(UUID tenantId, int limit);
}
