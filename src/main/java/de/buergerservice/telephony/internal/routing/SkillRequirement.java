package de.buergerservice.telephony.internal.routing;

import java.util.Collection;
import java.util.UUID;

/** What a queue asks of an agent: a skill for the tenant (and topic) with at least {@code minLevel}. */
public record SkillRequirement(UUID tenantId, String topic, int minLevel) {

    public SkillRequirement {
        topic = topic == null ? "" : topic;
    }

    public static SkillRequirement of(UUID tenantId) {
        return new SkillRequirement(tenantId, "", 1);
    }

    public boolean metBy(Collection<Skill> skills) {
        for (Skill skill : skills) {
            if (skill.tenantId().equals(tenantId) && skill.topic().equals(topic) && skill.level() >= minLevel) {
                return true;
            }
        }
        return false;
    }
}
