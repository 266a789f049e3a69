package de.buergerservice.knowledge.internal.search;

import java.util.List;
import java.util.UUID;

/**
 * The merged view of one service for one tenant (catalogue entry plus the tenant's overrides), as the search
 * index needs it. {@code body} is plain text.
 */
public record IndexedService(UUID serviceId, UUID tenantId, String externalId, String leikaKey, String title,
        List<String> synonyms, String summary, String body, List<String> topics, boolean published,
        String internalNotes) {
}
