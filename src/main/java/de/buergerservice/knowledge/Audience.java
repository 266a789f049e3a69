package de.buergerservice.knowledge;

/** Who reads a service description: citizens see published content only, staff also drafts and internal notes. */
public enum Audience {
    /** Citizens (portal): published content, no internal notes. */
    PUBLIC,
    /**
     * Agents, supervisors and the municipality's staff: what is in force, as citizens read it, plus internal notes
     * and the hint that a change is under review. (Editors read working copies on their own pages; the search also
     * finds drafts for staff, marked as unpublished.)
     */
    STAFF
}
