package de.buergerservice.knowledge.internal.search;

import java.util.List;
import java.util.UUID;

/** A synonym as the API and the editor page show it. */
public record SynonymInfo(UUID id, String term, List<String> expansions) {}
