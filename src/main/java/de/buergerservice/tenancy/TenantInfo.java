package de.buergerservice.tenancy;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A municipality as other modules see it. */
public record TenantInfo(
        UUID id,
        String slug,
        String name,
        TenantType type,
        String ags,
        FederalState federalState,
        String greeting,
        URI websiteUrl,
        List<String> phoneNumbers) {}
