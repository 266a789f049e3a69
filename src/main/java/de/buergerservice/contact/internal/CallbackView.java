package de.buergerservice.contact.internal;

import java.time.Instant;
import java.util.UUID;

/** A callback the ServiceCenter is to make, as the lists and the API show it ({@code tenant} as its slug). */
public record CallbackView(
        UUID id,
        String tenant,
        String tenantName,
        UUID ticketId,
        UUID firstContactId,
        String citizenName,
        String phone,
        String note,
        Instant requestedAt,
        String takenBy,
        Instant takenAt,
        UUID contactId) {}
