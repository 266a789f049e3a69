package de.buergerservice.tenancy;

import java.util.UUID;

/**
 * Published in the transaction that creates a municipality, so other modules set up what it needs from the start
 * (e.g. the switchboard its line and queue).
 */
public record TenantCreated(UUID tenantId, String slug, String name) {}
