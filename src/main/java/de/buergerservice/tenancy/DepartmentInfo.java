package de.buergerservice.tenancy;

import java.util.List;
import java.util.UUID;

/**
 * A Fachbereich of a municipality: who handles what the first contact could not resolve. {@code email} is its
 * mailbox, {@code leadEmail} the address of its lead (Fachbereichsleitung), who gets the escalations; either may be
 * null.
 */
public record DepartmentInfo(
        UUID id,
        UUID tenantId,
        String name,
        String email,
        String phoneExtension,
        List<String> topics,
        String leadEmail) {

    /** Without a lead address (departments created before it existed, tests). */
    public DepartmentInfo(
            UUID id, UUID tenantId, String name, String email, String phoneExtension, List<String> topics) {
        this(id, tenantId, name, email, phoneExtension, topics, null);
    }
}
