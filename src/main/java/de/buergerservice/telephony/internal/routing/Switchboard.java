package de.buergerservice.telephony.internal.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.CallEventType;
import de.buergerservice.telephony.TelephonySnapshot;
import de.buergerservice.telephony.TelephonySnapshot.AgentStatus;
import de.buergerservice.telephony.TelephonySnapshot.QueueStatus;

/**
 * The routing core of the ACD: queues, agents, their states, and which call rings which agent. It knows nothing
 * of SIP, Spring or threads of its own; time comes only from the injected {@link Clock} and {@link Scheduler}, so a
 * simulation can run it at virtual time. Every public method runs under this object's lock; each state change and
 * the events describing it are made in one step, numbered by {@link CallEvent#sequence()}.
 *
 * <p>Rules: a call goes to the longest-idle AVAILABLE agent with a registered phone and the queue's skill; among
 * waiting calls the longest-waiting goes first (across queues). After a queue's overflow delay, agents with the
 * overflow skill are offered the call too. A ring that is not answered within the ring timeout pauses the agent
 * ("keine Annahme") and puts the call back at the head of its queue. Only an agent with a registered phone can be
 * AVAILABLE: when the phone's registration ends (unregistered, expired) the agent is logged out. A supervisor can
 * log any agent out, in any state ({@link #forceLogout}).
 */
public final class Switchboard {

    public static final String NO_ANSWER_REASON = "keine Annahme";
    /** Why an agent was logged out (detail of the LOGGED_OUT event), for reports and the desktop's wording. */
    public static final String UNREGISTERED_REASON = "unregistered";

    public static final String EXPIRED_REASON = "registration-expired";
    public static final String FORCED_REASON = "forced";
    public static final String RESTART_REASON = "restart";

    private final Clock clock;
    private final Scheduler scheduler;
    private final SwitchboardListener listener;

    private final Map<UUID, Line> queues = new LinkedHashMap<>();
    private final Map<UUID, Agent> agents = new LinkedHashMap<>();
    private final Map<String, Call> calls = new HashMap<>();
    /**
     * The AVAILABLE agents, longest idle first (ties in the order they were defined in, as {@link #agents}
     * iterates): the first ready and eligible one is the agent a call rings, without looking at all the others.
     */
    private Agent idleHead;

    private Agent idleTail;
    private int nextIndex;
    /** Whether anyone hears {@link SwitchboardListener#recorded}; if not, events are numbered but not built. */
    private final boolean recording;

    private long sequence;
    private long version;

    public Switchboard(Clock clock, Scheduler scheduler, SwitchboardListener listener) {
        this(clock, scheduler, listener, 0);
    }

    /** @param lastSequence the sequence of the last event already stored; numbering continues after it */
    public Switchboard(Clock clock, Scheduler scheduler, SwitchboardListener listener, long lastSequence) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.listener = listener;
        this.sequence = lastSequence;
        this.recording = listener.recordsEvents();
    }

    private static final class Line {
        QueueDefinition definition;
        final ArrayDeque<Call> waiting = new ArrayDeque<>();

        Line(QueueDefinition definition) {
            this.definition = definition;
        }
    }

    private static final class Agent {
        final UUID id;
        /** place in the order of definition: ties between equally long idle agents go by it */
        final int index;

        String name;
        List<Skill> skills;
        AgentState state = AgentState.LOGGED_OUT;
        String reason;
        Instant since;
        /** sequence of the event that put the agent in its state */
        long stateSequence;

        Instant idleSince;
        boolean phoneRegistered;
        /** why the phone went while the agent was in a call: the agent is logged out once the call is over */
        String phoneGoneReason;

        Call call;
        Scheduler.Cancellable wrapUpTimer;

        /** neighbours in the line of idle agents, while AVAILABLE */
        Agent idlePrevious;

        Agent idleNext;
        boolean idle;

        Agent(UUID id, int index, String name, List<Skill> skills, Instant now) {
            this.id = id;
            this.index = index;
            this.name = name;
            this.skills = List.copyOf(skills);
            this.since = now;
        }
    }

    private static final class Call {
        final String id;
        final Line line;
        final Instant enqueuedAt;
        /** as received from the caller, null when withheld; written with CALL_OFFERED only */
        String callerNumber;
        /** sequence of its CALL_OFFERED */
        long firstSequence;

        Agent agent;
        boolean talking;
        /** the caller asked to be called back at {@code callbackNumber} (issue 19) */
        boolean callback;

        String callbackNumber;
        int callbackAttempts;
        /** the agent took the callback, the citizen's phone is being dialled */
        boolean dialling;

        Scheduler.Cancellable ringTimer;
        Scheduler.Cancellable overflowTimer;

        Call(String id, Line line, Instant enqueuedAt) {
            this.id = id;
            this.line = line;
            this.enqueuedAt = enqueuedAt;
        }

        UUID tenantId() {
            return line.definition.tenantId();
        }

        UUID queueId() {
            return line.definition.id();
        }
    }

    // --- configuration -------------------------------------------------------------------------------------

    /** Adds a queue or replaces its rules; calls already waiting stay. */
    public synchronized void defineQueue(QueueDefinition definition) {
        Line line = queues.get(definition.id());
        if (line == null) {
            queues.put(definition.id(), new Line(definition));
        } else {
            line.definition = definition;
        }
        version++;
    }

    /**
     * Removes a queue (its municipality is gone). Every call still waiting or ringing for it ends with
     * QUEUE_REMOVED and {@link SwitchboardListener#dropped}, so its caller gets a final answer instead of waiting
     * for an agent nobody will send; a ringing agent is free again and keeps their place in line. Connected calls
     * go on to their natural end.
     */
    public synchronized void removeQueue(UUID queueId) {
        Line line = queues.remove(queueId);
        if (line == null) {
            return;
        }
        List<Call> affected = new ArrayList<>();
        for (Call call : calls.values()) {
            if (call.line == line && !call.talking) {
                affected.add(call);
            }
        }
        affected.sort((a, b) -> a.enqueuedAt.compareTo(b.enqueuedAt));
        for (Call call : affected) {
            calls.remove(call.id);
            cancel(call.overflowTimer);
            line.waiting.remove(call);
            Agent agent = call.agent;
            if (agent != null) {
                cancel(call.ringTimer);
                listener.cancelRing(call.id, agent.id);
            }
            recordWithWait(call, agent, CallEventType.QUEUE_REMOVED);
            listener.dropped(call.id);
            if (agent != null) {
                agent.call = null;
                Instant idleSince = agent.idleSince;
                enter(agent, AgentState.AVAILABLE, null);
                keepPlaceInLine(agent, idleSince);
                dispatch(agent);
            }
        }
        version++;
    }

    /** Adds an agent (LOGGED_OUT) or replaces name and skills of a known one, keeping its state. */
    public synchronized void defineAgent(UUID id, String name, Collection<Skill> skills) {
        Agent agent = agents.get(id);
        if (agent == null) {
            agents.put(id, new Agent(id, nextIndex++, name, List.copyOf(skills), now()));
        } else {
            agent.name = name;
            agent.skills = List.copyOf(skills);
            if (agent.state == AgentState.AVAILABLE) {
                dispatch(agent);
            }
        }
        version++;
    }

    /** Removes an agent who is not in a call. */
    public synchronized void removeAgent(UUID id) {
        Agent agent = agent(id);
        if (agent.call != null) {
            throw new RoutingException(RoutingException.Kind.ILLEGAL_TRANSITION, "agent is in a call");
        }
        if (agent.state != AgentState.LOGGED_OUT) {
            enter(agent, AgentState.LOGGED_OUT, null);
        }
        agents.remove(id);
        version++;
    }

    // --- agents --------------------------------------------------------------------------------------------

    /** The agent's phone registered (or unregistered); only agents with a phone are rung. */
    public synchronized void phoneRegistered(UUID agentId, boolean registered) {
        if (!registered) {
            phoneUnregistered(agentId, UNREGISTERED_REASON);
            return;
        }
        Agent agent = agent(agentId);
        agent.phoneGoneReason = null;
        if (!agent.phoneRegistered) {
            agent.phoneRegistered = true;
            version++;
            if (agent.state == AgentState.AVAILABLE) {
                dispatch(agent);
            }
        }
    }

    /**
     * The agent's phone is gone ({@link #UNREGISTERED_REASON}, {@link #EXPIRED_REASON}): the agent is logged out with
     * that reason — at once, or, while talking, when the call is over. A ringing call goes back to the head of its
     * queue.
     */
    public synchronized void phoneUnregistered(UUID agentId, String reason) {
        Agent agent = agent(agentId);
        if (!agent.phoneRegistered) {
            return;
        }
        agent.phoneRegistered = false;
        version++;
        switch (agent.state) {
            case LOGGED_OUT -> {}
            case TALKING -> agent.phoneGoneReason = reason;
            case RINGING -> ringEnds(agent.call, reason, true, AgentState.LOGGED_OUT, reason, null);
            default -> enter(agent, AgentState.LOGGED_OUT, reason);
        }
    }

    /**
     * A supervisor logs the agent out, whatever the agent is doing: a ringing call goes back to the head of its
     * queue, a call in progress is ENDED (detail {@link #FORCED_REASON}) — so no agent can be stuck in a call that
     * no SIP message will ever end. The LOGGED_OUT event names {@code actor}.
     */
    public synchronized AgentStatus forceLogout(UUID agentId, String actor) {
        Agent agent = agent(agentId);
        Call call = agent.call;
        if (call != null && agent.state == AgentState.RINGING) {
            ringEnds(call, FORCED_REASON, true, AgentState.LOGGED_OUT, FORCED_REASON, actor);
        } else if (call != null) {
            calls.remove(call.id);
            cancel(call.overflowTimer);
            record(call, agent, CallEventType.ENDED, FORCED_REASON, actor);
            agent.call = null;
            enter(agent, AgentState.LOGGED_OUT, FORCED_REASON, actor);
        } else if (agent.state != AgentState.LOGGED_OUT) {
            enter(agent, AgentState.LOGGED_OUT, FORCED_REASON, actor);
        }
        version++;
        return status(agent);
    }

    /**
     * An agent (or a supervisor) asks for AVAILABLE, PAUSED (with a reason) or LOGGED_OUT. Asking for the state the
     * agent is in changes nothing (a new pause reason is taken).
     */
    public synchronized AgentStatus requestState(UUID agentId, AgentState target, String reason) {
        Agent agent = agent(agentId);
        if (target == null || !target.requestable()) {
            throw new RoutingException(RoutingException.Kind.NOT_REQUESTABLE, "state cannot be requested");
        }
        if (agent.state == AgentState.RINGING || agent.state == AgentState.TALKING) {
            throw new RoutingException(RoutingException.Kind.ILLEGAL_TRANSITION, "agent is in a call");
        }
        if (target == AgentState.PAUSED && agent.state == AgentState.LOGGED_OUT) {
            throw new RoutingException(RoutingException.Kind.ILLEGAL_TRANSITION, "log in before pausing");
        }
        if (target == AgentState.AVAILABLE && !agent.phoneRegistered) {
            throw new RoutingException(RoutingException.Kind.NO_PHONE, "no phone registered");
        }
        String newReason = target == AgentState.PAUSED ? (reason == null || reason.isBlank() ? "Pause" : reason) : null;
        if (agent.state != target || (target == AgentState.PAUSED && !newReason.equals(agent.reason))) {
            enter(agent, target, newReason);
            if (target == AgentState.AVAILABLE) {
                dispatch(agent);
            }
        }
        return status(agent);
    }

    // --- calls ---------------------------------------------------------------------------------------------

    /**
     * A call arrives for the queue: CALL_OFFERED, QUEUED, {@link SwitchboardListener#queued} with its position,
     * then — if an agent is free — it rings at once.
     *
     * @return the position in the queue (1 = next)
     */
    public synchronized int offer(String callId, UUID queueId) {
        return offer(callId, queueId, null);
    }

    /** As {@link #offer(String, UUID)}, with the caller's number as received (null when withheld). */
    public synchronized int offer(String callId, UUID queueId, String callerNumber) {
        Line line = queues.get(queueId);
        if (line == null) {
            throw new RoutingException(RoutingException.Kind.UNKNOWN_QUEUE, "unknown queue " + queueId);
        }
        if (calls.containsKey(callId)) {
            throw new RoutingException(RoutingException.Kind.DUPLICATE_CALL, "call already offered " + callId);
        }
        Call call = new Call(callId, line, now());
        call.callerNumber = callerNumber;
        calls.put(callId, call);
        record(call, null, CallEventType.CALL_OFFERED, null);
        call.firstSequence = sequence;
        line.waiting.addLast(call);
        int position = line.waiting.size();
        record(call, null, CallEventType.QUEUED, recording ? "position=" + position : null);
        listener.queued(callId, position);
        QueueDefinition definition = line.definition;
        if (definition.overflowSkill() != null) {
            call.overflowTimer = scheduler.schedule(definition.overflowAfter(), () -> overflowDue(callId));
        }
        dispatch(call);
        version++;
        return position;
    }

    /** A call the tenant does not take now (closed, holiday): REJECTED_CLOSED, nothing queued. */
    public synchronized void rejectClosed(String callId, UUID tenantId, String detail) {
        Instant at = now();
        emit(new CallEvent(
                EventIds.timeOrdered(at),
                ++sequence,
                callId,
                tenantId,
                null,
                null,
                CallEventType.REJECTED_CLOSED,
                null,
                detail,
                at));
    }

    /** Position of a waiting call (1 = next), empty if it is not waiting (ringing, talking, gone). */
    public synchronized Optional<Integer> position(String callId) {
        Call call = calls.get(callId);
        if (call == null || call.agent != null) {
            return Optional.empty();
        }
        int position = 1;
        for (Call waiting : call.line.waiting) {
            if (waiting == call) {
                return Optional.of(position);
            }
            position++;
        }
        return Optional.empty();
    }

    // --- callbacks (issue 19) -------------------------------------------------------------------------------

    /**
     * The waiting caller asked to be called back at {@code number} instead of waiting on the line: the call keeps
     * its place (CALLBACK_REQUESTED); when it reaches an agent, {@link SwitchboardListener#ringForCallback} instead of
     * ring. False if the call is not waiting, already a callback, or the number is unknown.
     */
    public synchronized boolean requestCallback(String callId, String number) {
        Call call = calls.get(callId);
        if (call == null || call.agent != null || call.callback || number == null || number.isBlank()) {
            return false;
        }
        Optional<Integer> position = position(callId);
        call.callback = true;
        call.callbackNumber = number;
        record(
                call,
                null,
                CallEventType.CALLBACK_REQUESTED,
                recording ? "number=" + number + "; position=" + position.orElse(0) : null);
        version++;
        return true;
    }

    /**
     * The agent picked up the callback: the agent is TALKING (the ring timer stops), CALLBACK_ATTEMPT, and the adapter
     * now dials the citizen. ANSWERED follows only when the citizen picks up ({@link #answered}), so the wait means
     * the same as for any call: from the caller's INVITE to being connected with an agent.
     *
     * @return the attempt's number (1 = first), or 0 if the call no longer rings that agent
     */
    public synchronized int callbackAgentReady(String callId, UUID agentId) {
        Call call = calls.get(callId);
        if (call == null
                || !call.callback
                || call.agent == null
                || !call.agent.id.equals(agentId)
                || call.talking
                || call.dialling) {
            return 0;
        }
        cancel(call.ringTimer);
        call.dialling = true;
        call.callbackAttempts++;
        record(call, call.agent, CallEventType.CALLBACK_ATTEMPT, recording ? "attempt=" + call.callbackAttempts : null);
        enter(call.agent, AgentState.TALKING, null);
        return call.callbackAttempts;
    }

    /**
     * The citizen was not reached (busy, no answer, refused) or the agent's leg failed. The agent is AVAILABLE again
     * (it was not their fault) and keeps their place among idle agents; within {@code maxAttempts} the call goes back
     * to the head of its queue after {@code retryAfter} (CALLBACK_FAILED), else it is given up: CALLBACK_ABANDONED
     * and ABANDONED (so the KPIs count it like any call nobody reached).
     */
    public synchronized void callbackFailed(String callId, String why, int maxAttempts, Duration retryAfter) {
        Call call = calls.get(callId);
        if (call == null || !call.callback || call.talking) {
            return;
        }
        Agent agent = call.agent;
        if (agent != null) {
            cancel(call.ringTimer);
            agent.call = null;
            call.agent = null;
        }
        call.dialling = false;
        boolean retry = call.callbackAttempts < maxAttempts;
        if (retry) {
            record(
                    call,
                    agent,
                    CallEventType.CALLBACK_FAILED,
                    recording ? "attempt=" + call.callbackAttempts + "; reason=" + why : null);
            scheduler.schedule(retryAfter, () -> callbackRetry(callId));
        } else {
            calls.remove(callId);
            cancel(call.overflowTimer);
            call.line.waiting.remove(call);
            record(
                    call,
                    agent,
                    CallEventType.CALLBACK_ABANDONED,
                    recording ? "attempts=" + call.callbackAttempts + "; reason=" + why : null);
            record(call, null, CallEventType.ABANDONED, recording ? "waitMs=" + waitMillis(call) + "; callback" : null);
        }
        if (agent != null) {
            Instant idleSince = agent.idleSince;
            enter(agent, AgentState.AVAILABLE, null);
            keepPlaceInLine(agent, idleSince);
            dispatch(agent);
        }
        version++;
    }

    private synchronized void callbackRetry(String callId) {
        Call call = calls.get(callId);
        if (call != null && call.agent == null && !call.line.waiting.contains(call)) {
            call.line.waiting.addFirst(call); // it has waited longest: its place is the head
            dispatch(call);
            version++;
        }
    }

    /** The number to call back, if the call is a callback. */
    public synchronized Optional<String> callbackNumber(String callId) {
        Call call = calls.get(callId);
        return call == null || !call.callback ? Optional.empty() : Optional.of(call.callbackNumber);
    }

    /** Whether the call is known (waiting, ringing or talking). */
    public synchronized boolean isActive(String callId) {
        return calls.containsKey(callId);
    }

    /** The agent whose phone rings or who talks in the call. */
    public synchronized Optional<UUID> agentOf(String callId) {
        Call call = calls.get(callId);
        return call == null || call.agent == null ? Optional.empty() : Optional.of(call.agent.id);
    }

    /** The agent picked up. Returns false if the call is no longer ringing that agent (too late). */
    public synchronized boolean answered(String callId, UUID agentId) {
        Call call = calls.get(callId);
        if (call == null || call.agent == null || !call.agent.id.equals(agentId) || call.talking) {
            return false;
        }
        cancel(call.ringTimer);
        call.talking = true;
        call.dialling = false;
        recordWithWait(call, call.agent, CallEventType.ANSWERED);
        if (call.agent.state != AgentState.TALKING) { // a callback's agent talks since its leg was answered
            enter(call.agent, AgentState.TALKING, null);
        }
        return true;
    }

    /** The agent's phone refused the call (busy, declined): like a ring without answer, without CANCEL. */
    public synchronized void ringFailed(String callId, UUID agentId, String why) {
        Call call = calls.get(callId);
        if (call != null && call.agent != null && call.agent.id.equals(agentId) && !call.talking && !call.dialling) {
            noAnswer(call, why, false);
        }
    }

    /** The caller hung up (CANCEL before answer): ABANDONED with the wait time. */
    public synchronized void abandon(String callId) {
        Call call = calls.remove(callId);
        if (call == null) {
            return;
        }
        if (call.talking) {
            calls.put(callId, call);
            ended(callId);
            return;
        }
        cancel(call.overflowTimer);
        call.line.waiting.remove(call);
        recordWithWait(call, call.agent, CallEventType.ABANDONED);
        if (call.agent != null) {
            // The caller gave up, not the agent: the agent is free again and keeps their place in line.
            Agent agent = call.agent;
            cancel(call.ringTimer);
            listener.cancelRing(callId, agent.id);
            agent.call = null;
            Instant idleSince = agent.idleSince;
            enter(agent, AgentState.AVAILABLE, null);
            keepPlaceInLine(agent, idleSince);
            dispatch(agent);
        }
        version++;
    }

    /** Either side hung up a connected call: ENDED; the agent goes to WRAP_UP. */
    public synchronized void ended(String callId) {
        ended(callId, null);
    }

    /**
     * The edge ended a connected call itself (no ACK, longest call duration reached, caller unreachable): ENDED
     * with {@code reason=…} as detail, so reports can tell it from a hang-up; the agent goes to WRAP_UP. A call not
     * yet answered is ABANDONED as with {@link #ended(String)}.
     */
    public synchronized void ended(String callId, String reason) {
        Call call = calls.get(callId);
        if (call == null) {
            return;
        }
        if (!call.talking) {
            abandon(callId);
            return;
        }
        calls.remove(callId);
        record(call, call.agent, CallEventType.ENDED, reason == null || !recording ? null : "reason=" + reason);
        wrapUp(call);
    }

    /** The agent handed the call on (blind transfer to {@code target}): TRANSFERRED; the agent goes to WRAP_UP. */
    public synchronized void transferred(String callId, String target) {
        Call call = calls.get(callId);
        if (call == null || !call.talking) {
            return;
        }
        calls.remove(callId);
        record(call, call.agent, CallEventType.TRANSFERRED, recording ? "target=" + target : null);
        wrapUp(call);
    }

    /**
     * The agent has documented the contact of the call just ended: the wrap-up ends now rather than when its time
     * is up (AVAILABLE and offered the next call, or LOGGED_OUT if the phone went meanwhile). False when the agent
     * is not in wrap-up.
     */
    public synchronized boolean endWrapUp(UUID agentId) {
        Agent agent = agents.get(agentId);
        if (agent == null || agent.state != AgentState.WRAP_UP) {
            return false;
        }
        wrapUpDone(agentId);
        return true;
    }

    // --- restart ---------------------------------------------------------------------------------------------

    /** A call the log shows open although no run of the switchboard holds it any more. */
    public record OpenCall(String callId, UUID tenantId, UUID queueId, UUID agentId, boolean answered) {}

    /**
     * Closes what a previous run left open: its calls and agent states lived in its memory and ended with it, so
     * the log gets the end it would otherwise never get — ENDED for an answered call, ABANDONED for one that
     * waited or rang, LOGGED_OUT for each agent who was not logged out, all with detail {@link #RESTART_REASON} and
     * time {@code at} (the last moment the previous run is known to have lived). Reports thus never count a call
     * that lasts for ever.
     */
    public synchronized void closeLeftOpen(Collection<OpenCall> open, Collection<UUID> agentsNotLoggedOut, Instant at) {
        for (OpenCall call : open) {
            emit(new CallEvent(
                    EventIds.timeOrdered(at),
                    ++sequence,
                    call.callId(),
                    call.tenantId(),
                    call.queueId(),
                    call.agentId(),
                    call.answered() ? CallEventType.ENDED : CallEventType.ABANDONED,
                    null,
                    RESTART_REASON,
                    at));
        }
        for (UUID agentId : agentsNotLoggedOut) {
            emit(new CallEvent(
                    EventIds.timeOrdered(at),
                    ++sequence,
                    null,
                    null,
                    null,
                    agentId,
                    CallEventType.AGENT_STATE_CHANGED,
                    AgentState.LOGGED_OUT,
                    RESTART_REASON,
                    at));
        }
    }

    /**
     * The smallest sequence a restart must read to find everything open now: the first event of every call in
     * progress and the state event of every agent who is not logged out (the sequence of the last event if
     * nothing is open). Everything before it is closed for good.
     */
    public synchronized long lowWaterMark() {
        long mark = sequence + 1;
        for (Call call : calls.values()) {
            mark = Math.min(mark, call.firstSequence);
        }
        for (Agent agent : agents.values()) {
            if (agent.state != AgentState.LOGGED_OUT) {
                mark = Math.min(mark, agent.stateSequence);
            }
        }
        return mark;
    }

    /** The sequence of the last event made. */
    public synchronized long lastSequence() {
        return sequence;
    }

    /**
     * Numbers {@code count} events of the past recorded elsewhere (a replay of a trial phase) after every event made
     * so far and hands each number to {@code append} — under the switchboard's lock, as its own events are, so they
     * reach the log in sequence order and its readers never skip one.
     */
    public synchronized void recordPast(int count, java.util.function.LongConsumer append) {
        for (int i = 0; i < count; i++) {
            append.accept(++sequence);
        }
    }

    // --- state for the edges -------------------------------------------------------------------------------

    /** Changes since start; lets publishers skip unchanged snapshots. */
    public synchronized long version() {
        return version;
    }

    public synchronized TelephonySnapshot snapshot() {
        Instant now = now();
        List<QueueStatus> queueStatus = new ArrayList<>();
        for (Line line : queues.values()) {
            // a call that rang without answer is back at the head, but the head need not be the oldest
            Instant oldest = null;
            for (Call call : line.waiting) {
                if (oldest == null || call.enqueuedAt.isBefore(oldest)) {
                    oldest = call.enqueuedAt;
                }
            }
            long longest = oldest == null ? 0 : Duration.between(oldest, now).toSeconds();
            int available = 0;
            for (Agent agent : agents.values()) {
                if (agent.state == AgentState.AVAILABLE
                        && line.definition.skill().metBy(agent.skills)) {
                    available++;
                }
            }
            QueueDefinition d = line.definition;
            queueStatus.add(
                    new QueueStatus(d.id(), d.tenantId(), d.name(), line.waiting.size(), longest, oldest, available));
        }
        List<AgentStatus> agentStatus =
                agents.values().stream().map(Switchboard::status).toList();
        return new TelephonySnapshot(now, queueStatus, agentStatus);
    }

    public synchronized Optional<AgentStatus> agentStatus(UUID agentId) {
        return Optional.ofNullable(agents.get(agentId)).map(Switchboard::status);
    }

    // --- inside --------------------------------------------------------------------------------------------

    private static AgentStatus status(Agent agent) {
        return new AgentStatus(
                agent.id,
                agent.name,
                agent.state,
                agent.reason,
                agent.since,
                agent.phoneRegistered,
                agent.skills.stream().map(Skill::tenantId).distinct().toList(),
                agent.call == null ? null : agent.call.id);
    }

    private Agent agent(UUID id) {
        Agent agent = agents.get(id);
        if (agent == null) {
            throw new RoutingException(RoutingException.Kind.UNKNOWN_AGENT, "unknown agent " + id);
        }
        return agent;
    }

    private Instant now() {
        return clock.instant();
    }

    private long waitMillis(Call call) {
        return Duration.between(call.enqueuedAt, now()).toMillis();
    }

    private synchronized void overflowDue(String callId) {
        Call call = calls.get(callId);
        if (call != null && call.agent == null) {
            dispatch(call);
        }
    }

    private synchronized void ringTimedOut(String callId, UUID agentId) {
        Call call = calls.get(callId);
        if (call != null && call.agent != null && call.agent.id.equals(agentId) && !call.talking && !call.dialling) {
            noAnswer(call, null, true);
        }
    }

    private synchronized void wrapUpDone(UUID agentId) {
        Agent agent = agents.get(agentId);
        if (agent != null && agent.state == AgentState.WRAP_UP) {
            if (!agent.phoneRegistered) {
                // the phone went during the call: nothing can ring now
                enter(agent, AgentState.LOGGED_OUT, agent.phoneGoneReason);
                agent.phoneGoneReason = null;
                return;
            }
            enter(agent, AgentState.AVAILABLE, null);
            dispatch(agent);
        }
    }

    private void noAnswer(Call call, String why, boolean cancelRing) {
        ringEnds(call, why, cancelRing, AgentState.PAUSED, NO_ANSWER_REASON, null);
    }

    /** The ring ends without an answer: the agent goes to {@code next}, the call back to the head of its queue. */
    private void ringEnds(Call call, String why, boolean cancelRing, AgentState next, String reason, String actor) {
        Agent agent = call.agent;
        cancel(call.ringTimer);
        record(call, agent, CallEventType.RING_NO_ANSWER, why);
        if (cancelRing) {
            listener.cancelRing(call.id, agent.id);
        }
        agent.call = null;
        call.agent = null;
        enter(agent, next, reason, actor);
        // back to the head of its queue: the caller has waited longest and must not lose their place
        call.line.waiting.addFirst(call);
        dispatch(call);
        version++;
    }

    private void wrapUp(Call call) {
        cancel(call.overflowTimer);
        Agent agent = call.agent;
        agent.call = null;
        enter(agent, AgentState.WRAP_UP, null);
        UUID agentId = agent.id;
        agent.wrapUpTimer = scheduler.schedule(call.line.definition.wrapUp(), () -> wrapUpDone(agentId));
        version++;
    }

    /** Rings the longest-idle eligible agent for a waiting call, if there is one. */
    private void dispatch(Call call) {
        Agent best = null;
        for (Agent agent = idleHead; agent != null; agent = agent.idleNext) {
            if (ready(agent) && eligible(agent, call)) {
                best = agent;
                break;
            }
        }
        if (best != null) {
            ring(call, best);
        }
    }

    /** Gives a newly available agent the longest-waiting call they may take, across all queues. */
    private void dispatch(Agent agent) {
        if (!ready(agent)) {
            return;
        }
        Call best = null;
        for (Line line : queues.values()) {
            for (Iterator<Call> it = line.waiting.iterator(); it.hasNext(); ) {
                Call call = it.next();
                if (eligible(agent, call)) {
                    if (best == null || call.enqueuedAt.isBefore(best.enqueuedAt)) {
                        best = call;
                    }
                    break;
                }
                if (!overflowPossible(agent, line)) {
                    break; // not eligible for the head, so for no call of this queue
                }
            }
        }
        if (best != null) {
            ring(best, agent);
        }
    }

    private static boolean overflowPossible(Agent agent, Line line) {
        SkillRequirement overflow = line.definition.overflowSkill();
        return overflow != null && overflow.metBy(agent.skills);
    }

    private static boolean ready(Agent agent) {
        return agent.state == AgentState.AVAILABLE && agent.phoneRegistered && agent.call == null;
    }

    private boolean eligible(Agent agent, Call call) {
        QueueDefinition definition = call.line.definition;
        if (definition.skill().metBy(agent.skills)) {
            return true;
        }
        return definition.overflowSkill() != null
                && definition.overflowSkill().metBy(agent.skills)
                && !call.enqueuedAt.plus(definition.overflowAfter()).isAfter(now());
    }

    private void ring(Call call, Agent agent) {
        call.line.waiting.remove(call);
        call.agent = agent;
        agent.call = call;
        record(call, agent, CallEventType.AGENT_RINGING, null);
        enter(agent, AgentState.RINGING, null);
        String callId = call.id;
        UUID agentId = agent.id;
        call.ringTimer = scheduler.schedule(call.line.definition.ringTimeout(), () -> ringTimedOut(callId, agentId));
        if (call.callback) {
            listener.ringForCallback(callId, agentId, call.callbackNumber);
        } else {
            listener.ring(callId, agentId);
        }
    }

    /** The agent is AVAILABLE again but idle since {@code idleSince}, as before a call took them away. */
    private void keepPlaceInLine(Agent agent, Instant idleSince) {
        leaveIdleLine(agent);
        agent.idleSince = idleSince;
        joinIdleLine(agent);
    }

    /** Into the line of idle agents by (idle since, order of definition); usually at its end. */
    private void joinIdleLine(Agent agent) {
        Agent before = idleTail;
        while (before != null
                && (before.idleSince.isAfter(agent.idleSince)
                        || (before.idleSince.equals(agent.idleSince) && before.index > agent.index))) {
            before = before.idlePrevious;
        }
        Agent after = before == null ? idleHead : before.idleNext;
        agent.idlePrevious = before;
        agent.idleNext = after;
        if (before == null) {
            idleHead = agent;
        } else {
            before.idleNext = agent;
        }
        if (after == null) {
            idleTail = agent;
        } else {
            after.idlePrevious = agent;
        }
        agent.idle = true;
    }

    private void leaveIdleLine(Agent agent) {
        if (!agent.idle) {
            return;
        }
        if (agent.idlePrevious == null) {
            idleHead = agent.idleNext;
        } else {
            agent.idlePrevious.idleNext = agent.idleNext;
        }
        if (agent.idleNext == null) {
            idleTail = agent.idlePrevious;
        } else {
            agent.idleNext.idlePrevious = agent.idlePrevious;
        }
        agent.idlePrevious = null;
        agent.idleNext = null;
        agent.idle = false;
    }

    private void enter(Agent agent, AgentState state, String reason) {
        enter(agent, state, reason, null);
    }

    private void enter(Agent agent, AgentState state, String reason, String actor) {
        if (agent.state == AgentState.WRAP_UP) {
            cancel(agent.wrapUpTimer);
            agent.wrapUpTimer = null;
        }
        agent.state = state;
        agent.reason = reason;
        agent.since = now();
        leaveIdleLine(agent);
        if (state == AgentState.AVAILABLE) {
            agent.idleSince = agent.since;
            joinIdleLine(agent);
        }
        if (!recording) {
            ++sequence;
            version++;
            agent.stateSequence = sequence;
            return;
        }
        emit(new CallEvent(
                EventIds.timeOrdered(agent.since),
                ++sequence,
                agent.call == null ? null : agent.call.id,
                agent.call == null ? null : agent.call.tenantId(),
                agent.call == null ? null : agent.call.queueId(),
                agent.id,
                CallEventType.AGENT_STATE_CHANGED,
                state,
                reason,
                agent.since,
                actor));
        agent.stateSequence = sequence;
    }

    private void record(Call call, Agent agent, CallEventType type, String detail) {
        record(call, agent, type, detail, null);
    }

    /** An event whose detail is how long the caller waited ({@code waitMs=…}). */
    private void recordWithWait(Call call, Agent agent, CallEventType type) {
        record(
                call,
                agent,
                type,
                recording ? "waitMs=" + waitMillis(call) + (call.callback ? "; callback" : "") : null);
    }

    private void record(Call call, Agent agent, CallEventType type, String detail, String actor) {
        if (!recording) {
            // numbered all the same, so sequences and the low-water mark mean what they mean with a log
            ++sequence;
            version++;
            return;
        }
        Instant at = now();
        emit(new CallEvent(
                EventIds.timeOrdered(at),
                ++sequence,
                call.id,
                call.tenantId(),
                call.queueId(),
                agent == null ? null : agent.id,
                type,
                null,
                detail,
                at,
                actor,
                type == CallEventType.CALL_OFFERED ? call.callerNumber : null));
    }

    private void emit(CallEvent event) {
        version++;
        listener.recorded(event);
    }

    private static void cancel(Scheduler.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
