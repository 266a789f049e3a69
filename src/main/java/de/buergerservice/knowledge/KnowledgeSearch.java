package de.buergerservice.knowledge;

import java.util.UUID;

/**
 * Full-text search over a tenant's service descriptions, shared by the agent desktop and the citizen portal.
 * {@link Audience#PUBLIC} finds published descriptions only and never searches or shows internal notes;
 * {@link Audience#STAFF} also finds unpublished ones (marked as such in the hit) and the tenant's internal notes.
 * A system-level look-up: callers serving a user check the user's tenant scope themselves.
 */
public interface KnowledgeSearch {

    /** The best {@code limit} services of the tenant for a free-text query. */
    KnowledgeSearchResult search(UUID tenantId, String query, int limit, Audience audience);
}
