package de.buergerservice.knowledge.internal.search;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where the search index reads its documents from: the merged view of every service for every tenant (a catalogue
 * entry appears once per tenant). Archived services are left out, so the index drops them.
 */
public interface IndexSource {

    /** Every non-archived service of every tenant. */
    Stream<IndexedService> all();

    /** The merged view of one service for one tenant; empty if unknown, archived or not visible to the tenant. */
    Optional<IndexedService> find(UUID tenantId, UUID serviceId);
}
