package de.buergerservice.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact was documented {@link ContactOutcome#HANDED_OFF}: the back office of {@code tenantId} must act. Published
 * in the transaction that documents the contact (so a listener of the event publication registry gets it exactly
 * when the documentation is stored). {@code departmentId} is the responsible department the agent chose (proposed
 * from the knowledge base), {@code serviceId} the concern's service or null with a free {@code category};
 * {@code citizenName}, {@code phone}, {@code email} and {@code callbackWindow} are what the citizen gave (each may
 * be null, but a callback needs a phone number and a mail answer an address — the desk checks it).
 */
public record ContactHandedOff(
        UUID contactId,
        UUID tenantId,
        ContactChannel channel,
        UUID departmentId,
        HandOffKind kind,
        UUID serviceId,
        String category,
        String concern,
        String note,
        String citizenName,
        String phone,
        String email,
        String callbackWindow,
        UUID agentId,
        Instant at) {}
