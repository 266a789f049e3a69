package de.buergerservice.reporting;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventRecord;
import de.buergerservice.telephony.CallEventType;

/**
 * One call event as the KPI core reads it: the fields of telephony's call-event log that the definitions need.
 * Built from a {@link CallEventRecord} of the feed, or by the planning module's simulation from the routing core's
 * events — the core does not care where they come from, only that they arrive in sequence order.
 */
public record KpiEvent(
        long sequence,
        String callId,
        UUID tenantId,
        UUID queueId,
        UUID agentId,
        CallEventType type,
        AgentState agentState,
        String detail,
        Instant at) {

    public static KpiEvent of(CallEventRecord record) {
        return new KpiEvent(
                record.sequence(),
                record.callId(),
                record.tenantId(),
                record.queueId(),
                record.agentId(),
                record.type(),
                record.agentState(),
                record.detail(),
                record.at());
    }

    /** The {@code waitMs=…} the switchboard wrote on ANSWERED, ABANDONED and QUEUE_REMOVED, if present. */
    public OptionalLong waitMillis() {
        if (detail == null || !detail.startsWith("waitMs=")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(
                    Long.parseLong(detail.substring("waitMs=".length()).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
