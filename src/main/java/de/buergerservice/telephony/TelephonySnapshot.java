package de.buergerservice.telephony;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The switchboard's live state, published as an application event whenever it changes (at most a few times a
 * second): for the wallboard and the agent desktop.
 */
public record TelephonySnapshot(Instant at, List<QueueStatus> queues, List<AgentStatus> agents) {

    /**
     * Waiting calls of one queue; {@code longestWaitSeconds} is 0 and {@code waitingSince} null when nobody waits.
     * {@code waitingSince} is when the longest-waiting call arrived: the snapshot is only sent when something
     * changes, so a display counts the wait up from it (against {@link TelephonySnapshot#at()}) by itself.
     */
    public record QueueStatus(
            UUID id,
            UUID tenantId,
            String name,
            int waiting,
            long longestWaitSeconds,
            Instant waitingSince,
            int agentsAvailable) {}

    /**
     * One agent's state; {@code reason} is the pause reason, {@code since} the moment of the last change,
     * {@code callId} the call ringing at or connected to the agent (null without one): the desk's screen pop comes
     * from it at once, without waiting for the call-event feed.
     */
    public record AgentStatus(
            UUID id,
            String name,
            AgentState state,
            String reason,
            Instant since,
            boolean phoneRegistered,
            List<UUID> tenantIds,
            String callId) {

        /** Without a call (the shape before the call was added; kept for the wallboard's tests and others). */
        public AgentStatus(
                UUID id,
                String name,
                AgentState state,
                String reason,
                Instant since,
                boolean phoneRegistered,
                List<UUID> tenantIds) {
            this(id, name, state, reason, since, phoneRegistered, tenantIds, null);
        }
    }
}
