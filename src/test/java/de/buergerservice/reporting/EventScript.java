package de.buergerservice.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventType;

/** Writes call-event sequences as the switchboard would, for the KPI tests. */
final class EventScript {

    final List<KpiEvent> events = new ArrayList<>();
    private long sequence;

    EventScript(long firstSequence) {
        this.sequence = firstSequence - 1;
    }

    EventScript() {
        this(1);
    }

    KpiEvent add(
            String callId,
            UUID tenant,
            UUID queue,
            UUID agent,
            CallEventType type,
            AgentState state,
            String detail,
            Instant at) {
        KpiEvent e = new KpiEvent(++sequence, callId, tenant, queue, agent, type, state, detail, at);
        events.add(e);
        return e;
    }

    void agent(UUID agent, AgentState state, Instant at) {
        add(null, null, null, agent, CallEventType.AGENT_STATE_CHANGED, state, null, at);
    }

    /** A call answered after {@code waitMs}, talked {@code talk}, wrapped up for {@code wrapUp} (agent back AVAILABLE). */
    void answered(
            String callId,
            UUID tenant,
            UUID queue,
            UUID agent,
            Instant offered,
            long waitMs,
            Duration talk,
            Duration wrapUp,
            boolean transfer) {
        add(callId, tenant, queue, null, CallEventType.CALL_OFFERED, null, null, offered);
        add(callId, tenant, queue, null, CallEventType.QUEUED, null, "position=1", offered);
        Instant answeredAt = offered.plusMillis(waitMs);
        add(
                callId,
                tenant,
                queue,
                agent,
                CallEventType.AGENT_RINGING,
                null,
                null,
                answeredAt.minusMillis(Math.min(waitMs, 2000)));
        add(
                callId,
                tenant,
                queue,
                agent,
                CallEventType.AGENT_STATE_CHANGED,
                AgentState.RINGING,
                null,
                answeredAt.minusMillis(Math.min(waitMs, 2000)));
        add(callId, tenant, queue, agent, CallEventType.ANSWERED, null, "waitMs=" + waitMs, answeredAt);
        add(callId, tenant, queue, agent, CallEventType.AGENT_STATE_CHANGED, AgentState.TALKING, null, answeredAt);
        Instant end = answeredAt.plus(talk);
        add(
                callId,
                tenant,
                queue,
                agent,
                transfer ? CallEventType.TRANSFERRED : CallEventType.ENDED,
                null,
                transfer ? "target=sip:123@x" : null,
                end);
        agent(agent, AgentState.WRAP_UP, end);
        agent(agent, AgentState.AVAILABLE, end.plus(wrapUp));
    }

    void abandoned(String callId, UUID tenant, UUID queue, Instant offered, long waitMs) {
        add(callId, tenant, queue, null, CallEventType.CALL_OFFERED, null, null, offered);
        add(callId, tenant, queue, null, CallEventType.QUEUED, null, "position=1", offered);
        add(callId, tenant, queue, null, CallEventType.ABANDONED, null, "waitMs=" + waitMs, offered.plusMillis(waitMs));
    }

    void rejected(String callId, UUID tenant, Instant at) {
        add(callId, tenant, null, null, CallEventType.REJECTED_CLOSED, null, "closed", at);
    }

    /** Events sorted by time (sequence renumbered), as interleaved calls would be logged. */
    List<KpiEvent> inTimeOrder() {
        List<KpiEvent> sorted = new ArrayList<>(events);
        sorted.sort(java.util.Comparator.comparing(KpiEvent::at).thenComparing(KpiEvent::sequence));
        List<KpiEvent> result = new ArrayList<>();
        long s = sorted.isEmpty() ? 0 : events.get(0).sequence() - 1;
        for (KpiEvent e : sorted) {
            result.add(new KpiEvent(
                    ++s,
                    e.callId(),
                    e.tenantId(),
                    e.queueId(),
                    e.agentId(),
                    e.type(),
                    e.agentState(),
                    e.detail(),
                    e.at()));
        }
        return result;
    }
}
