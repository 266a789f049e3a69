package de.buergerservice.telephony.internal;

import java.util.UUID;

/** A municipality's line as the API shows it: rules and live figures. */
public record QueueView(
        UUID id,
        String tenant,
        String name,
        int waiting,
        long longestWaitSeconds,
        int agentsAvailable,
        int ringTimeoutSeconds,
        int wrapUpSeconds,
        String overflowTenant,
        Integer overflowAfterSeconds,
        QueueSettings.ClosedAction closedAction,
        String redirectTarget) {}
