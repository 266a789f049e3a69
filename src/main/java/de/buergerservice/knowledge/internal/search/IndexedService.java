package de.buergerservice.knowledge.internal.search;

import java.util.List;
import java.util.UUID;

/**
 * The merged view of one service for one tenant as the search index needs it (contract between the knowledge
 * content and the search index). {@code body} is plain text with the HTML stripped.
 *
 * @param published whether citizens may find it; unpublished services are found by staff only
 * @param internalNotes the tenant's local notes for agents, {@code null} if none
 */
public record IndexedService(
        UUID serviceId,
        UUID tenantId,
        String externalId,
        String leikaKey,
        String title,
        List<String> synonyms,
        String summary,
        String body,
        List<String> topics,
        boolean published,
        String internalNotes) {}
