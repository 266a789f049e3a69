package de.buergerservice.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (agent desktop, portal) read: the merged service descriptions of one tenant. System-level
 * look-ups, not filtered by the current user; code serving a user checks the tenant scope itself.
 */
public interface KnowledgeCatalog {

    /** The merged view of what is in force; empty if unknown, archived or never published. */
    Optional<ServiceView> find(UUID tenantId, UUID serviceId, Audience audience);

    /** Every service of the tenant the audience may see, ordered by title. */
    List<ServiceView> list(UUID tenantId, Audience audience);
}
