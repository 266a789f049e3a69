package de.buergerservice.knowledge;

import java.util.UUID;

/**
 * One found service. {@code snippet} is HTML-escaped text with the matched words in {@code <mark>} elements.
 */
public record KnowledgeHit(UUID id, String externalId, String leikaKey, String title, String snippet,
        float score) {
}
