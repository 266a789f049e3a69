package de.buergerservice.telephony.internal;

import java.time.Duration;
import java.util.UUID;

import de.buergerservice.telephony.internal.routing.QueueDefinition;
import de.buergerservice.telephony.internal.routing.SkillRequirement;

/**
 * A municipality's line: its queue's rules and what callers hear when it is closed.
 *
 * @param redirectTarget where REDIRECT sends callers (a phone number or a SIP URI)
 */
public record QueueSettings(
        UUID id,
        UUID tenantId,
        String name,
        int ringTimeoutSeconds,
        int wrapUpSeconds,
        UUID overflowTenantId,
        Integer overflowAfterSeconds,
        ClosedAction closedAction,
        String redirectTarget) {

    /** What callers get outside opening hours. */
    public enum ClosedAction {
        /** 480 Temporarily Unavailable with a German reason phrase */
        REJECT,
        /** 302 Moved Temporarily to {@link #redirectTarget} */
        REDIRECT
    }

    public static QueueSettings defaults(UUID tenantId, String name) {
        return new QueueSettings(tenantId, tenantId, name, 15, 10, null, null, ClosedAction.REJECT, null);
    }

    QueueDefinition definition() {
        SkillRequirement overflow = overflowTenantId == null ? null : SkillRequirement.of(overflowTenantId);
        return new QueueDefinition(
                id,
                tenantId,
                name,
                SkillRequirement.of(tenantId),
                overflow,
                overflow == null ? null : Duration.ofSeconds(overflowAfterSeconds),
                Duration.ofSeconds(ringTimeoutSeconds),
                Duration.ofSeconds(wrapUpSeconds));
    }
}
