package de.buergerservice.tenancy;

import java.util.UUID;

/** Published when a municipality is deleted, so other modules drop what they keep for it. */
public record TenantDeleted(UUID tenantId, String slug) {}
