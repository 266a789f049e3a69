package de.buergerservice.telephony.internal.routing;

import java.time.Instant;
import java.util.UUID;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventType;

/**
 * One row of the append-only call-event log. {@code sequence} is assigned under the switchboard's lock, so it
 * orders events exactly as the state changed; {@code id} makes writing it idempotent. {@code actor} names the
 * person who made the change for somebody else (a supervisor forcing an agent out); null when the change follows
 * from calls, phones or the agent's own request. {@code callerNumber} is the caller's number as received, only on
 * CALL_OFFERED (null when withheld).
 */
public record CallEvent(
        UUID id,
        long sequence,
        String callId,
        UUID tenantId,
        UUID queueId,
        UUID agentId,
        CallEventType type,
        AgentState agentState,
        String detail,
        Instant at,
        String actor,
        String callerNumber) {

    public CallEvent(
            UUID id,
            long sequence,
            String callId,
            UUID tenantId,
            UUID queueId,
            UUID agentId,
            CallEventType type,
            AgentState agentState,
            String detail,
            Instant at,
            String actor) {
        this(id, sequence, callId, tenantId, queueId, agentId, type, agentState, detail, at, actor, null);
    }

    public CallEvent(
            UUID id,
            long sequence,
            String callId,
            UUID tenantId,
            UUID queueId,
            UUID agentId,
            CallEventType type,
            AgentState agentState,
            String detail,
            Instant at) {
        this(id, sequence, callId, tenantId, queueId, agentId, type, agentState, detail, at, null, null);
    }
}
