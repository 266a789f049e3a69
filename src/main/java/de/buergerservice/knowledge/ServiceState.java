package de.buergerservice.knowledge;

/** Where a service description stands in the editorial workflow; only {@link #PUBLISHED} reaches citizens. */
public enum ServiceState {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED
}
