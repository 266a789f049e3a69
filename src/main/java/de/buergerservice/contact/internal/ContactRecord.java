package de.buergerservice.contact.internal;

import java.time.Instant;
import java.util.UUID;

import de.buergerservice.contact.ContactChannel;
import de.buergerservice.contact.ContactOutcome;
import de.buergerservice.contact.HandOffKind;

/**
 * One stored contact, as {@link ContactStore} reads it. {@code previousContactId}: the contact this one follows (the
 * first call of a transfer, or the contact a callback of the ServiceCenter came from).
 */
public record ContactRecord(
        UUID id,
        UUID tenantId,
        ContactChannel channel,
        String callId,
        String callerNumber,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        Long waitMs,
        UUID agentId,
        UUID phoneAgentId,
        String transferredTo,
        Instant wrapUpEndedAt,
        UUID serviceId,
        String category,
        String concern,
        String note,
        ContactOutcome outcome,
        UUID departmentId,
        HandOffKind handOffKind,
        String citizenName,
        String citizenPhone,
        String citizenEmail,
        String callbackWindow,
        ContactState state,
        Instant documentedAt,
        String documentedBy,
        long version,
        UUID previousContactId) {

    /** The wrap-up ran out (or the contact was left) without documentation. */
    public boolean undocumented() {
        return state == ContactState.OPEN && wrapUpEndedAt != null;
    }
}
