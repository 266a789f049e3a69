package de.buergerservice.knowledge;

import java.util.UUID;

/**
 * Full-text search over a tenant's service descriptions, shared by the agent desktop and the citizen portal.
 * A system-level look-up: callers serving a user check the user's tenant scope themselves.
 */
public interface KnowledgeSearch {

    /** Who is asking decides what may be found. */
    enum Audience {
        /** Service-center staff: published descriptions including the tenant's internal notes. */
        AGENT,
        /** Citizens: published descriptions only, never internal notes. */
        PORTAL
    }

    /** The best {@code limit} published services of the tenant for a free-text query. */
    KnowledgeSearchResult search(UUID tenantId, String query, int limit, Audience audience);
}
