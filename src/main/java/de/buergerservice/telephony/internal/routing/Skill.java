package de.buergerservice.telephony.internal.routing;

import java.util.UUID;

/**
 * What an agent can answer: calls of one tenant, optionally on one topic ({@code ""} = the tenant in general),
 * with a level (1 = basic … 5 = expert).
 */
public record Skill(UUID tenantId, String topic, int level) {

    public Skill {
        topic = topic == null ? "" : topic;
    }

    public static Skill of(UUID tenantId, int level) {
        return new Skill(tenantId, "", level);
    }
}
