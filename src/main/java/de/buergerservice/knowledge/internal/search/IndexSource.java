package de.buergerservice.knowledge.internal.search;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Where the search index reads its content from: the merged view of every service for every tenant. */
public interface IndexSource {

    Stream<IndexedService> all();

    Optional<IndexedService> find(UUID tenantId, UUID serviceId);
}
