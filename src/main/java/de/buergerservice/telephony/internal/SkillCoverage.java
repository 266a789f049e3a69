package de.buergerservice.telephony.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Which municipalities no agent can answer for. A queue asks for the municipality's general skill (topic ""), so
 * a municipality whose agents all have topic skills only is not covered either: its callers wait until they give
 * up, or until an overflow takes them.
 */
@Component
public class SkillCoverage {

    private final AgentService agents;
    private final TenantDirectory tenants;

    SkillCoverage(AgentService agents, TenantDirectory tenants) {
        this.agents = agents;
        this.tenants = tenants;
    }

    /** The municipalities without any agent with their general skill, by name. */
    public List<TenantInfo> uncovered() {
        Set<String> covered = new HashSet<>();
        for (AgentView agent : agents.list()) {
            for (AgentView.SkillView skill : agent.skills()) {
                if (skill.topic().isEmpty()) {
                    covered.add(skill.tenant());
                }
            }
        }
        return tenants.findAll().stream()
                .filter(t -> !covered.contains(t.slug()))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }
}
