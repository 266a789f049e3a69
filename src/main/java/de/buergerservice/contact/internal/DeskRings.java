package de.buergerservice.contact.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.TelephonyAgents;
import de.buergerservice.telephony.TelephonySnapshot;
import de.buergerservice.telephony.TelephonySnapshot.AgentStatus;

/**
 * The desk's fast path: a ring or an answer is signalled to the agent's desk from telephony's live state
 * ({@link TelephonySnapshot}, published at most 250 ms after the change), not from the call-event feed, which the
 * {@link CallEventConsumer} reads only once a second. The desk then loads the screen pop of the call; the contact
 * of an answered call follows from the feed ({@link DeskCall.Kind#ANSWERED} with its id).
 */
@Component
public class DeskRings {

    /** What an agent was doing in the last snapshot. */
    private record Seen(AgentState state, String callId) {}

    private final TelephonyAgents agents;
    private final ApplicationEventPublisher events;
    private Map<UUID, Seen> seen = Map.of();

    DeskRings(TelephonyAgents agents, ApplicationEventPublisher events) {
        this.agents = agents;
        this.events = events;
    }

    @EventListener
    void on(TelephonySnapshot snapshot) {
        List<DeskCall> signals;
        synchronized (this) {
            Map<UUID, Seen> now = seen(snapshot);
            signals = signals(seen, now, snapshot);
            seen = now;
        }
        signals.forEach(events::publishEvent);
    }

    /**
     * The desk signals between two live states: RINGING for an agent whose phone now rings a call, ANSWERED for an
     * agent now talking on a call whose ring the previous state did not show as answered (a fast answer can fall
     * between two snapshots); no contact id — that comes from the feed.
     */
    public List<DeskCall> between(TelephonySnapshot before, TelephonySnapshot after) {
        return signals(seen(before), seen(after), after);
    }

    private List<DeskCall> signals(Map<UUID, Seen> before, Map<UUID, Seen> after, TelephonySnapshot snapshot) {
        List<DeskCall> signals = new ArrayList<>();
        for (AgentStatus agent : snapshot.agents()) {
            Seen now = after.get(agent.id());
            if (now == null || now.equals(before.get(agent.id()))) {
                continue;
            }
            DeskCall.Kind kind = now.state() == AgentState.RINGING ? DeskCall.Kind.RINGING : DeskCall.Kind.ANSWERED;
            signals.add(new DeskCall(
                    kind,
                    null,
                    now.callId(),
                    agent.id(),
                    agents.userOfAgent(agent.id()).orElse(null),
                    null,
                    0,
                    null,
                    agent.since() == null ? snapshot.at() : agent.since()));
        }
        return signals;
    }

    /** Agents ringing or talking on a call, with the call. */
    private static Map<UUID, Seen> seen(TelephonySnapshot snapshot) {
        Map<UUID, Seen> seen = new HashMap<>();
        for (AgentStatus agent : snapshot.agents()) {
            if (agent.callId() != null
                    && (agent.state() == AgentState.RINGING || agent.state() == AgentState.TALKING)) {
                seen.put(agent.id(), new Seen(agent.state(), Objects.requireNonNull(agent.callId())));
            }
        }
        return seen;
    }
}
