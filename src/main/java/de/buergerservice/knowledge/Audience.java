package de.buergerservice.knowledge;

/** Who reads a service description: citizens see published content only, staff also drafts and internal notes. */
public enum Audience {
    /** Citizens (portal): published content, no internal notes. */
    PUBLIC,
    /** Agents, supervisors and the municipality's staff: every state but archived, with internal notes. */
    STAFF
}
