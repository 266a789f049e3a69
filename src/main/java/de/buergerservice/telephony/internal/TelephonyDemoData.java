package de.buergerservice.telephony.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.buergerservice.shared.security.SystemActor;
import de.buergerservice.telephony.internal.AgentData.SkillData;
import de.buergerservice.tenancy.TenantDirectory;
import de.buergerservice.tenancy.TenantInfo;

/**
 * Demo switchboard (embedded default only): a line for Oldenburg (closed → 302 to the ServiceCenter's
 * Bereitschaft) and for Artland (closed → 480), and the demo agents agent1/agent2 as SIP users with password
 * {@code demo}, both able to answer for both municipalities. Loaded once, after tenants and users.
 */
@Component
@ConditionalOnBooleanProperty("buergerservice.demo-data")
@Order(TelephonyDemoData.ORDER)
class TelephonyDemoData implements ApplicationRunner {

    static final int ORDER = 40;
    static final String PASSWORD = "demo";
    /** Where Oldenburg's closed line redirects to in the demo (a fictitious on-call number). */
    static final String OLDENBURG_REDIRECT = "+494412359999";

    private final AgentService agents;
    private final QueueService queues;
    private final TenantDirectory tenants;

    TelephonyDemoData(AgentService agents, QueueService queues, TenantDirectory tenants) {
        this.agents = agents;
        this.queues = queues;
        this.tenants = tenants;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the lines themselves exist since their municipalities were created; the demo sets their rules
        if (agents.list().isEmpty()) {
            SystemActor.run(this::load);
        }
    }

    private void load() {
        tenants.findBySlug("oldenburg")
                .ifPresent(oldenburg -> queues.save(new QueueSettings(
                        oldenburg.id(),
                        oldenburg.id(),
                        oldenburg.name(),
                        15,
                        10,
                        null,
                        null,
                        QueueSettings.ClosedAction.REDIRECT,
                        OLDENBURG_REDIRECT)));
        tenants.findBySlug("artland").ifPresent(artland -> {
            // Artland's callers overflow to Oldenburg's agents after 60 s
            UUID overflow = tenants.findBySlug("oldenburg").map(TenantInfo::id).orElse(null);
            queues.save(new QueueSettings(
                    artland.id(),
                    artland.id(),
                    artland.name(),
                    15,
                    10,
                    overflow,
                    overflow == null ? null : 60,
                    QueueSettings.ClosedAction.REJECT,
                    null));
        });
        List<SkillData> both = List.of(new SkillData("oldenburg", "", 3), new SkillData("artland", "", 2));
        agents.createAll(List.of(
                new AgentData("agent1", PASSWORD, "Ayla Agentin", "agent1", both),
                new AgentData(
                        "agent2",
                        PASSWORD,
                        "Bernd Berater",
                        "agent2",
                        List.of(new SkillData("artland", "", 3), new SkillData("oldenburg", "", 1)))));
    }
}
