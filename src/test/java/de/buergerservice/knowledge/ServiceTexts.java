package de.buergerservice.knowledge;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestComponent;

import de.buergerservice.knowledge.internal.search.IndexSource;
import de.buergerservice.knowledge.internal.search.IndexedService;

/**
 * A handful of merged service views for the search API tests, changed by the tests as editors would change the
 * real content; the index reads them through the same {@link IndexSource} contract as the knowledge content.
 */
@TestComponent
class ServiceTexts implements IndexSource {

    final Map<UUID, IndexedService> services = new ConcurrentHashMap<>();

    @Override
    public Stream<IndexedService> all() {
        return services.values().stream();
    }

    @Override
    public Optional<IndexedService> find(UUID tenantId, UUID serviceId) {
        return Optional.ofNullable(services.get(serviceId)).filter(s -> s.tenantId().equals(tenantId));
    }
}
