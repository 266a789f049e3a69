package de.buergerservice.reporting;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a contribution to the KPIs is counted: municipality, queue, agent and the 15-minute interval (its start).
 * A dimension that does not apply is {@link #NONE} (e.g. the agent of an abandoned call, the municipality of an
 * agent's state time — agents serve several municipalities).
 */
public record IntervalKey(UUID tenantId, UUID queueId, UUID agentId, Instant start) {

    /** The placeholder for "no such dimension" (stored as the nil UUID, so keys never hold null). */
    public static final UUID NONE = new UUID(0L, 0L);

    public IntervalKey {
        tenantId = tenantId == null ? NONE : tenantId;
        queueId = queueId == null ? NONE : queueId;
        agentId = agentId == null ? NONE : agentId;
    }
}
