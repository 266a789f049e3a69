package de.buergerservice.telephony.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A municipality's line as the API shows it: rules and live figures. {@code waitingSince} is when the
 * longest-waiting call arrived (null when nobody waits).
 */
public record QueueView(
        UUID id,
        String tenant,
        String name,
        int waiting,
        long longestWaitSeconds,
        Instant waitingSince,
        int agentsAvailable,
        int ringTimeoutSeconds,
        int wrapUpSeconds,
        String overflowTenant,
        Integer overflowAfterSeconds,
        QueueSettings.ClosedAction closedAction,
        String redirectTarget) {}
