package de.buergerservice.telephony.internal.routing;

import java.time.Duration;
import java.util.UUID;

/**
 * A queue: calls for one tenant (and topic) go to agents with {@link #skill}; once a call has waited
 * {@link #overflowAfter}, agents with {@link #overflowSkill} are offered it too (null = no overflow).
 */
public record QueueDefinition(
        UUID id,
        UUID tenantId,
        String name,
        SkillRequirement skill,
        SkillRequirement overflowSkill,
        Duration overflowAfter,
        Duration ringTimeout,
        Duration wrapUp) {

    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_WRAP_UP = Duration.ofSeconds(10);

    public QueueDefinition {
        ringTimeout = ringTimeout == null ? DEFAULT_RING_TIMEOUT : ringTimeout;
        wrapUp = wrapUp == null ? DEFAULT_WRAP_UP : wrapUp;
        if (overflowSkill != null && overflowAfter == null) {
            throw new IllegalArgumentException("an overflow skill needs an overflow delay");
        }
    }

    /** A queue for all calls of a tenant, no overflow, default ring timeout and wrap-up. */
    public static QueueDefinition forTenant(UUID id, UUID tenantId, String name) {
        return new QueueDefinition(id, tenantId, name, SkillRequirement.of(tenantId), null, null, null, null);
    }
}
