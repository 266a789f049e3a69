package de.buergerservice.knowledge;

import java.util.UUID;

/**
 * One found service. {@code snippet} is HTML-escaped text with the matched words in {@code <mark>} elements;
 * {@code published} is false for a draft only staff can find.
 */
public record KnowledgeHit(
        UUID id, String externalId, String leikaKey, String title, String snippet, float score, boolean published) {}
