package de.buergerservice.knowledge;

import java.util.UUID;

/**
 * Published inside the transaction of every save, state change, override change and import of a service
 * description. Listeners that must only see committed data (the search index) use a transactional listener.
 *
 * @param serviceId the service (catalogue entry or tenant-only entry) whose merged view may have changed
 * @param tenantId the tenant whose view changed, or {@code null} when a catalogue entry changed: then the view of
 *        every tenant is affected
 */
public record KnowledgeChanged(UUID serviceId, UUID tenantId) {}
