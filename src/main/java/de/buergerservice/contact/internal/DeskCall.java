package de.buergerservice.contact.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A live signal for the agent's desk (in-process application event, not stored): the agent's phone rings, the call
 * was answered (and has its contact now), or it ended. Made from the call-event feed right after the events were
 * applied; {@code userId} is the product user the ringing agent is (null for phone-only agents).
 */
public record DeskCall(
        Kind kind,
        UUID tenantId,
        String callId,
        UUID phoneAgentId,
        UUID userId,
        String callerNumber,
        long waitMs,
        UUID contactId,
        Instant at) {

    public enum Kind {
        RINGING,
        ANSWERED,
        ENDED
    }
}
