package de.buergerservice.shared.privacy;

import java.util.UUID;

/**
 * Someone looked at a record with personal data (a contact, a ticket, a submission), or exported or erased a
 * person's data. Published by {@link AccessLog}; identity's access log stores it with the acting user.
 *
 * @param entityType the record's type, e.g. {@code Contact}
 * @param tenantId the municipality the record belongs to, {@code null} for requests across municipalities
 * @param access what was done
 * @param detail a short note without personal data (e.g. {@code REST}, or the masked subject of an export)
 */
public record PersonalDataRead(String entityType, UUID entityId, UUID tenantId, Access access, String detail) {

    public enum Access {
        READ,
        EXPORT,
        ERASE
    }
}
