package de.buergerservice.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import de.buergerservice.contact.internal.CallEventConsumer;
import de.buergerservice.identity.UserDirectory;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.internal.AgentService;
import de.buergerservice.telephony.internal.CallEventLog;
import de.buergerservice.telephony.internal.QueueService;
import de.buergerservice.telephony.internal.QueueSettings;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.tenancy.TenantDirectory;

/**
 * Calls through the real routing core (the SIP edge is exercised by the browser test): offered to Artland's line,
 * rung at agent1 (agent2 off the phone), answered, ended — the events go through the real call-event log and feed.
 */
class Calls {

    final Switchboard switchboard;
    final AgentService agents;
    final UserDirectory users;
    final QueueService queues;
    final TenantDirectory tenants;
    final CallEventLog log;
    final CallEventConsumer consumer;

    Calls(
            Switchboard switchboard,
            AgentService agents,
            UserDirectory users,
            QueueService queues,
            TenantDirectory tenants,
            CallEventLog log,
            CallEventConsumer consumer) {
        this.switchboard = switchboard;
        this.agents = agents;
        this.users = users;
        this.queues = queues;
        this.tenants = tenants;
        this.log = log;
        this.consumer = consumer;
    }

    UUID agent(String username) {
        return agents.agentOfUser(users.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    UUID user(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    /** agent1 takes calls, agent2 does not. */
    void agent1Ready() {
        UUID agent1 = agent("agent1");
        UUID agent2 = agent("agent2");
        switchboard.phoneRegistered(agent1, true);
        switchboard.phoneRegistered(agent2, true);
        switchboard.requestState(agent2, AgentState.LOGGED_OUT, null);
        switchboard.requestState(agent1, AgentState.AVAILABLE, null);
    }

    QueueSettings line(String slug) {
        return queues.forTenant(tenants.findBySlug(slug).orElseThrow());
    }

    void wrapUp(String slug, int seconds) {
        QueueSettings q = line(slug);
        queues.save(new QueueSettings(
                q.id(),
                q.tenantId(),
                q.name(),
                q.ringTimeoutSeconds(),
                seconds,
                q.overflowTenantId(),
                q.overflowAfterSeconds(),
                q.closedAction(),
                q.redirectTarget()));
    }

    /** A call from {@code number} (null = withheld) to the municipality, rung and answered; returns the Call-ID. */
    String answered(String slug, String number) {
        String callId = "contact-test-" + UUID.randomUUID();
        switchboard.offer(callId, line(slug).id(), number);
        UUID agent = switchboard.agentOf(callId).orElseThrow();
        assertThat(switchboard.answered(callId, agent)).isTrue();
        return callId;
    }

    /** Everything the switchboard recorded is written and applied to contacts. */
    void applied() {
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
        consumer.pollOnce();
    }
}
