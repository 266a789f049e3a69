package de.buergerservice.knowledge.internal;

import java.util.List;
import java.util.UUID;

/** The search terms that found nothing useful — what editors should write next. */
public interface UnansweredSearches {

    List<UnansweredSearch> top(UUID tenantId, int limit);
}
