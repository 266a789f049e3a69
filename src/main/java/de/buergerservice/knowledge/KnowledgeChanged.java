package de.buergerservice.knowledge;

import java.util.UUID;

/**
 * A service description changed (saved, imported, state changed). {@code tenantId} is {@code null} for a
 * catalogue entry, which all tenants inherit.
 */
public record KnowledgeChanged(UUID serviceId, UUID tenantId) {
}
