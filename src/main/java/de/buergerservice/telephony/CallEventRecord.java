package de.buergerservice.telephony;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the append-only call-event log as other modules read it through {@link CallEventFeed}.
 * {@code sequence} orders the events exactly as the switchboard's state changed and continues across restarts;
 * {@code detail} carries {@code waitMs=…}, {@code target=…} or a reason as the switchboard wrote it;
 * {@code callerNumber} is the caller's number as received (null when hidden or not a call event).
 */
public record CallEventRecord(
        long sequence,
        UUID id,
        String callId,
        UUID tenantId,
        UUID queueId,
        UUID agentId,
        CallEventType type,
        AgentState agentState,
        String detail,
        Instant at,
        String callerNumber) {}
