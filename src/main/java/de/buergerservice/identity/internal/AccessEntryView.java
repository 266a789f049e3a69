package de.buergerservice.identity.internal;

import java.time.Instant;
import java.util.UUID;

import de.buergerservice.shared.privacy.PersonalDataRead.Access;

/** One line of the access log for the API and the admin page. */
public record AccessEntryView(
        UUID id,
        Instant occurredAt,
        String actor,
        String entityType,
        UUID entityId,
        UUID tenantId,
        Access access,
        String detail) {}
