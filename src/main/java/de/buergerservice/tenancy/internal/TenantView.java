package de.buergerservice.tenancy.internal;

import java.util.List;
import java.util.UUID;

import de.buergerservice.tenancy.FederalState;
import de.buergerservice.tenancy.OpeningHours;
import de.buergerservice.tenancy.TenantType;

/** A municipality as the REST API and the admin pages show it. */
public record TenantView(
        UUID id,
        String slug,
        String name,
        TenantType type,
        String ags,
        FederalState federalState,
        List<String> phoneNumbers,
        String greeting,
        String websiteUrl,
        OpeningHours openingHours) {

    /** The same record as input, e.g. to pre-fill an edit form. */
    public TenantData toData() {
        return new TenantData(slug, name, type, ags, federalState, phoneNumbers, greeting, websiteUrl, openingHours);
    }
}
