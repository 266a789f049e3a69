package de.buergerservice.telephony.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.buergerservice.telephony.AgentState;

/** An agent as the API shows it: identity, skills (tenant slugs) and live state. No credentials. */
public record AgentView(
        UUID id,
        String sipUser,
        String displayName,
        String username,
        AgentState state,
        String reason,
        Instant since,
        boolean phoneRegistered,
        List<SkillView> skills) {

    public record SkillView(String tenant, String topic, int level) {}
}
