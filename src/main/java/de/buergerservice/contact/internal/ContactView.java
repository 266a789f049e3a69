package de.buergerservice.contact.internal;

import java.time.Instant;
import java.util.UUID;

import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.HandOffKind;

/**
 * A contact as the API and the desk show it. {@code tenant} is the municipality's slug, {@code agent} the user
 * name of the agent; {@code undocumented} tells that the wrap-up ran out with the contact still {@code OPEN};
 * {@code previousContactId} is the contact this one follows (the first call of a transfer, or the contact a
 * ServiceCenter callback came from), {@code followOnContactId} the one that follows it (shown for a single contact).
 */
public record ContactView(
        UUID id,
        String tenant,
        String tenantName,
        ContactChannel channel,
        String callId,
        String callerNumber,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        Long waitSeconds,
        UUID agentId,
        String agent,
        Concern concern,
        String note,
        ContactOutcome outcome,
        UUID department,
        String transferredTo,
        HandOff handOff,
        ContactState state,
        boolean undocumented,
        Instant documentedAt,
        String documentedBy,
        UUID previousContactId,
        UUID followOnContactId) {

    /** The citizen's concern: a service of the knowledge base or a free category; {@code title} as documented. */
    public record Concern(UUID serviceId, String category, String title) {}

    /** What the back office is to do and how to reach the citizen (only for {@code HANDED_OFF}). */
    public record HandOff(HandOffKind kind, String citizenName, String phone, String email, String callbackWindow) {}
}
