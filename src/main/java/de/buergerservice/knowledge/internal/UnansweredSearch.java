package de.buergerservice.knowledge.internal;

/** One query text and how often it was searched without a click on any hit. */
public record UnansweredSearch(String query, long searches) {}
