package de.buergerservice.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import de.buergerservice.telephony.AgentState;

/**
 * The KPI core: folds call events, in sequence order, into additive {@link KpiCounts} per {@link IntervalKey}.
 * Pure (no Spring, no database, no clock): the incremental aggregates, the rebuild from the raw events and the
 * planning module's simulation all run this same code, so there is one definition of every count.
 *
 * <p>What is counted where (docs/kpis.md has the full list):
 *
 * <ul>
 *   <li>A call belongs to the 15-minute interval in which it was offered (CALL_OFFERED), in its municipality and
 *       queue; everything about it (answer, abandon, talk and wrap-up time) is counted there, so an interval's
 *       service level describes the calls that arrived in it.
 *   <li>ANSWERED counts the call with its wait ({@code waitMs=…}, else the time since the offer) for the answering
 *       agent; ABANDONED with its wait, without agent; QUEUE_REMOVED as removed; REJECTED_CLOSED in the interval
 *       of the rejection (it was never offered to a queue).
 *   <li>ENDED or TRANSFERRED after ANSWERED makes the call handled, with talk time from answer to end; the WRAP_UP
 *       state that follows adds its length to the same call as wrap-up time when it ends.
 *   <li>An agent's time in each state is split at interval boundaries and counted under the agent, without
 *       municipality (an agent serves several).
 * </ul>
 *
 * <p>A call or agent state whose start lies before the first event the fold saw is ignored (not guessed). The
 * open state ({@link #openCalls()}, {@link #agentClocks()}) can be stored and given back to a new fold, so a
 * consumer that stops after any event continues exactly as one that never stopped.
 */
public final class KpiFold {

    /** A call offered but not finished yet. {@code agentId} and {@code answeredAt} are set once answered. */
    public record OpenCall(
            String callId, UUID tenantId, UUID queueId, Instant offeredAt, UUID agentId, Instant answeredAt) {

        IntervalKey key() {
            return new IntervalKey(tenantId, queueId, agentId, Granularity.quarterOf(offeredAt));
        }
    }

    /**
     * An agent's current state since when, and the call whose wrap-up the agent may be in ({@code lastCall}, null
     * when none).
     */
    public record AgentClock(UUID agentId, AgentState state, Instant since, IntervalKey lastCall) {}

    private final Map<String, OpenCall> open = new LinkedHashMap<>();
    private final Map<UUID, AgentClock> agents = new LinkedHashMap<>();
    private final Map<IntervalKey, KpiCounts> counts = new HashMap<>();
    private long lastSequence;

    public KpiFold() {}

    /** A fold that continues from stored open state. */
    public KpiFold(Collection<OpenCall> openCalls, Collection<AgentClock> clocks) {
        openCalls.forEach(c -> open.put(c.callId(), c));
        clocks.forEach(a -> agents.put(a.agentId(), a));
    }

    /** Folds one event (events must come in sequence order). */
    public void accept(KpiEvent e) {
        lastSequence = Math.max(lastSequence, e.sequence());
        switch (e.type()) {
            case CALL_OFFERED -> {
                if (e.callId() != null) {
                    open.put(e.callId(), new OpenCall(e.callId(), e.tenantId(), e.queueId(), e.at(), null, null));
                    at(new IntervalKey(e.tenantId(), e.queueId(), null, Granularity.quarterOf(e.at()))).offered++;
                }
            }
            case ANSWERED -> {
                OpenCall call = e.callId() == null ? null : open.get(e.callId());
                if (call != null && call.answeredAt() == null) {
                    long wait = waitOf(e, call);
                    OpenCall answered = new OpenCall(
                            call.callId(), call.tenantId(), call.queueId(), call.offeredAt(), e.agentId(), e.at());
                    open.put(call.callId(), answered);
                    KpiCounts c = at(answered.key());
                    c.answered++;
                    c.answerWaitMs += wait;
                    c.maxWaitMs = Math.max(c.maxWaitMs, wait);
                    c.answeredWaits.merge(KpiCounts.bucketOf(wait), 1L, Long::sum);
                }
            }
            case ABANDONED -> {
                OpenCall call = e.callId() == null ? null : open.remove(e.callId());
                if (call != null && call.answeredAt() == null) {
                    long wait = waitOf(e, call);
                    KpiCounts c = at(call.key());
                    c.abandoned++;
                    c.abandonWaitMs += wait;
                    c.maxWaitMs = Math.max(c.maxWaitMs, wait);
                    c.abandonedWaits.merge(KpiCounts.bucketOf(wait), 1L, Long::sum);
                } else if (call != null) {
                    finish(call, e, false);
                }
            }
            case QUEUE_REMOVED -> {
                OpenCall call = e.callId() == null ? null : open.remove(e.callId());
                if (call != null) {
                    at(call.key()).removed++;
                }
            }
            case ENDED, TRANSFERRED -> {
                OpenCall call = e.callId() == null ? null : open.remove(e.callId());
                if (call != null && call.answeredAt() != null) {
                    finish(call, e, e.type() == de.buergerservice.telephony.CallEventType.TRANSFERRED);
                }
            }
            case REJECTED_CLOSED ->
                at(new IntervalKey(e.tenantId(), null, null, Granularity.quarterOf(e.at()))).rejectedClosed++;
            case AGENT_STATE_CHANGED -> agentState(e);
            case QUEUED, AGENT_RINGING, RING_NO_ANSWER -> {}
        }
    }

    private void finish(OpenCall call, KpiEvent e, boolean transferred) {
        IntervalKey key = call.key();
        KpiCounts c = at(key);
        c.handled++;
        c.talkMs += Math.max(0, Duration.between(call.answeredAt(), e.at()).toMillis());
        if (transferred) {
            c.transferred++;
        }
        if (call.agentId() != null) {
            AgentClock clock = agents.get(call.agentId());
            if (clock != null) {
                agents.put(call.agentId(), new AgentClock(clock.agentId(), clock.state(), clock.since(), key));
            } else {
                agents.put(call.agentId(), new AgentClock(call.agentId(), null, null, key));
            }
        }
    }

    private void agentState(KpiEvent e) {
        if (e.agentId() == null || e.agentState() == null) {
            return;
        }
        AgentClock clock = agents.get(e.agentId());
        IntervalKey lastCall = clock == null ? null : clock.lastCall();
        if (clock != null && clock.state() != null && clock.since() != null) {
            spread(e.agentId(), clock.state(), clock.since(), e.at());
            if (clock.state() == AgentState.WRAP_UP && lastCall != null) {
                at(lastCall).wrapUpMs +=
                        Math.max(0, Duration.between(clock.since(), e.at()).toMillis());
                lastCall = null;
            }
        }
        if (e.agentState() == AgentState.RINGING || e.agentState() == AgentState.TALKING) {
            lastCall = null; // a new call begins; its ENDED/TRANSFERRED names it for the next wrap-up
        }
        agents.put(e.agentId(), new AgentClock(e.agentId(), e.agentState(), e.at(), lastCall));
    }

    /** Counts the agent's time in {@code state} over {@code [from, to)}, split at quarter-hour boundaries. */
    private void spread(UUID agentId, AgentState state, Instant from, Instant to) {
        Instant start = from;
        while (start.isBefore(to)) {
            Instant quarter = Granularity.quarterOf(start);
            Instant end = quarter.plusMillis(Granularity.QUARTER_MILLIS);
            if (end.isAfter(to)) {
                end = to;
            }
            long ms = Duration.between(start, end).toMillis();
            KpiCounts c = at(new IntervalKey(null, null, agentId, quarter));
            switch (state) {
                case AVAILABLE -> c.availableMs += ms;
                case RINGING -> c.ringingMs += ms;
                case TALKING -> c.talkingMs += ms;
                case WRAP_UP -> c.wrapUpStateMs += ms;
                case PAUSED -> c.pausedMs += ms;
                case LOGGED_OUT -> {}
            }
            start = end;
        }
    }

    private static long waitOf(KpiEvent e, OpenCall call) {
        return e.waitMillis()
                .orElseGet(() ->
                        Math.max(0, Duration.between(call.offeredAt(), e.at()).toMillis()));
    }

    private KpiCounts at(IntervalKey key) {
        return counts.computeIfAbsent(key, k -> new KpiCounts());
    }

    /** The counters folded since the last {@link #drain()} (or since the start), and forgets them. */
    public Map<IntervalKey, KpiCounts> drain() {
        Map<IntervalKey, KpiCounts> result = new HashMap<>(counts);
        counts.clear();
        return result;
    }

    /** The counters folded so far, without forgetting them. */
    public Map<IntervalKey, KpiCounts> counts() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    public Collection<OpenCall> openCalls() {
        return java.util.List.copyOf(open.values());
    }

    public Collection<AgentClock> agentClocks() {
        return java.util.List.copyOf(agents.values());
    }

    /** The highest sequence folded (0 before any event). */
    public long lastSequence() {
        return lastSequence;
    }

    /** Sums the counters of all keys that {@code filter} accepts. */
    public static KpiCounts sum(Map<IntervalKey, KpiCounts> counts, java.util.function.Predicate<IntervalKey> filter) {
        KpiCounts total = new KpiCounts();
        counts.forEach((key, c) -> {
            if (filter.test(key)) {
                total.add(c);
            }
        });
        return total;
    }
}
