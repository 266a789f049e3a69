package de.buergerservice.planning.internal.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import de.buergerservice.planning.internal.simulation.SimulationModel.AgentGroup;
import de.buergerservice.planning.internal.simulation.SimulationModel.HandleTime;
import de.buergerservice.planning.internal.simulation.SimulationModel.Municipality;
import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.internal.routing.CallEvent;
import de.buergerservice.telephony.internal.routing.QueueDefinition;
import de.buergerservice.telephony.internal.routing.Skill;
import de.buergerservice.telephony.internal.routing.SkillRequirement;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.telephony.internal.routing.SwitchboardListener;

/**
 * A discrete-event simulation of a service center's phone lines around telephony's real routing core: this class
 * plays the world outside the {@link Switchboard} — callers arriving (Poisson per half hour, by each municipality's
 * day profile), hanging up after their patience, agents picking up when their phone rings, talking for a handle
 * time, logging in and out by roster and taking pauses — while every routing decision (which call rings which
 * agent, queue order, overflow, wrap-up) is the core's own, at the virtual time of the {@link EventCalendar}.
 *
 * <p>Phones answer the moment they ring (a rung call is picked up in the same instant, after the core's call
 * returns). An agent whose shift ends or whose pause is due in a call leaves when the call is over, cutting the
 * wrap-up short. Call ids are recycled per slot ({@code c<slot>}), which the core allows once a call is over, so
 * the simulation's memory stays flat however many calls it runs.
 */
public final class Simulation {

    private static final int ARRIVAL = 1;
    private static final int HANGUP = 2;
    private static final int PATIENCE = 3;
    private static final int ROSTER = 4;
    private static final int PAUSE_DUE = 5;
    private static final int PAUSE_END = 6;
    private static final int PICK_UP = 7;
    private static final long SECOND = 1_000_000_000L;
    private static final long INTERVAL = SimulationModel.INTERVAL_SECONDS * SECOND;

    private final SimulationModel model;
    private final EventCalendar calendar;
    private final Switchboard board;
    private final SplittableRandom random;
    private final SimulatedKpis kpis;
    private final long end;
    /** How long a phone rings before the agent picks up (0: at once). */
    private final long ringNanos;

    // municipalities
    private final Municipality[] lines;
    private final UUID[] queueIds;
    private final double[][] arrivalRate;
    private final double[] logNormalMu;
    private final double[] logNormalSigma;

    // calls, by slot
    private String[] slotIds = new String[0];
    private int[] slotLine = new int[0];
    private long[] slotArrival = new long[0];
    private int[] slotGeneration = new int[0];
    private int[] slotAgent = new int[0];
    private boolean[] slotAnswered = new boolean[0];
    /** rung, agent not yet picked up (only with a ring time) */
    private boolean[] slotRinging = new boolean[0];

    private long[] slotTalk = new long[0];
    private int[] freeSlots = new int[0];
    private int freeCount;

    // agents
    private final UUID[] agentIds;
    private final int[] agentGroup;
    private final Map<UUID, Integer> agentIndex = new HashMap<>();
    private final boolean[] onDuty;
    private final boolean[] leaving;
    private final boolean[] pausePending;
    private final boolean[] paused;
    private final boolean[] inCall;
    private final int[] dutyGeneration;
    private final long[] availableSince;

    // rings the core asked for during its last call, answered right after it returns
    private int[] ringSlots = new int[16];
    private int[] ringAgents = new int[16];
    private int rings;

    private long offeredCalls;
    private long events;

    /** A simulation that counts its figures itself: the core builds no call events (the fast way). */
    public Simulation(SimulationModel model) {
        this(model, null);
    }

    /**
     * A simulation whose core also hands every call event to {@code events} (replays, reports built from the
     * event log); slower, as each state change is then an event object with its id.
     */
    public Simulation(SimulationModel model, Consumer<CallEvent> events) {
        this(model, events, Duration.ZERO);
    }

    /**
     * A simulation whose agents pick up {@code ringTime} after their phone starts ringing: the caller's wait then
     * includes the ringing, as on a real line (a caller may hang up while it rings).
     */
    public Simulation(SimulationModel model, Consumer<CallEvent> events, Duration ringTime) {
        this.model = model;
        this.ringNanos = ringTime.toNanos();
        this.random = new SplittableRandom(model.seed());
        this.calendar = new EventCalendar(model.start());
        this.kpis = new SimulatedKpis(model.municipalities().size());
        this.end = model.days() * 86_400L * SECOND;
        this.board = new Switchboard(calendar, calendar, new SwitchboardListener() {
            @Override
            public void ring(String callId, UUID agentId) {
                ringLater(slotOf(callId), agentIndex.get(agentId));
            }

            @Override
            public void recorded(CallEvent event) {
                events.accept(event);
            }

            @Override
            public boolean recordsEvents() {
                return events != null;
            }
        });

        int lineCount = model.municipalities().size();
        lines = model.municipalities().toArray(Municipality[]::new);
        queueIds = new UUID[lineCount];
        arrivalRate = new double[lineCount][SimulationModel.INTERVALS];
        logNormalMu = new double[lineCount];
        logNormalSigma = new double[lineCount];
        UUID[] tenants = new UUID[lineCount];
        UUID pool = seededId();
        for (int m = 0; m < lineCount; m++) {
            Municipality line = lines[m];
            tenants[m] = seededId();
            queueIds[m] = seededId();
            double weights = 0;
            for (double w : line.profile()) {
                weights += w;
            }
            for (int i = 0; i < SimulationModel.INTERVALS; i++) {
                arrivalRate[m][i] = weights == 0
                        ? 0
                        : line.callsPerDay() * line.profile()[i] / weights / SimulationModel.INTERVAL_SECONDS;
            }
            HandleTime handle = line.handleTime();
            double variance = Math.log(1 + handle.coefficientOfVariation() * handle.coefficientOfVariation());
            logNormalSigma[m] = Math.sqrt(variance);
            logNormalMu[m] = Math.log(handle.meanSeconds()) - variance / 2;
            board.defineQueue(new QueueDefinition(
                    queueIds[m],
                    tenants[m],
                    line.name(),
                    SkillRequirement.of(tenants[m]),
                    line.overflowAfterSeconds() == null ? null : SkillRequirement.of(pool),
                    line.overflowAfterSeconds() == null ? null : seconds(line.overflowAfterSeconds()),
                    null,
                    seconds(line.wrapUpSeconds())));
        }

        List<UUID> ids = new ArrayList<>();
        List<Integer> groupOf = new ArrayList<>();
        for (int g = 0; g < model.groups().size(); g++) {
            AgentGroup group = model.groups().get(g);
            List<Skill> skills = new ArrayList<>();
            for (int m : group.serves()) {
                skills.add(Skill.of(tenants[m], 1));
            }
            if (group.pool()) {
                skills.add(Skill.of(pool, 1));
            }
            for (int i = 0; i < group.size(); i++) {
                UUID id = seededId();
                board.defineAgent(id, group.name() + " " + (i + 1), skills);
                board.phoneRegistered(id, true);
                agentIndex.put(id, ids.size());
                ids.add(id);
                groupOf.add(g);
            }
        }
        int agentCount = ids.size();
        agentIds = ids.toArray(UUID[]::new);
        agentGroup = groupOf.stream().mapToInt(Integer::intValue).toArray();
        onDuty = new boolean[agentCount];
        leaving = new boolean[agentCount];
        pausePending = new boolean[agentCount];
        paused = new boolean[agentCount];
        inCall = new boolean[agentCount];
        dutyGeneration = new int[agentCount];
        availableSince = new long[agentCount];
    }

    /** Runs the whole model; {@code progress} hears the simulated share (0…1), {@code cancelled} stops early. */
    public SimulationResult run(DoubleConsumer progress, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        calendar.scheduleOwn(0, ROSTER, 0, 0);
        for (int m = 0; m < lines.length; m++) {
            long first = nextArrival(m, 0);
            if (first >= 0) {
                calendar.scheduleOwn(first, ARRIVAL, m, 0);
            }
        }
        EventCalendar.Entry entry;
        while ((entry = calendar.next(Long.MAX_VALUE)) != null) {
            if (entry.task != null) {
                entry.task.run();
            } else {
                handle(entry.kind, entry.payload, entry.generation);
            }
            calendar.release(entry);
            answerRings();
            if ((++events & 0xFFFF) == 0) {
                progress.accept(Math.min(1.0, (double) calendar.now() / end));
                if (cancelled.getAsBoolean()) {
                    break;
                }
            }
        }
        for (int a = 0; a < agentIds.length; a++) {
            if (onDuty[a] && !paused[a]) {
                kpis.available((calendar.now() - availableSince[a]) / (double) SECOND);
            }
        }
        progress.accept(1.0);
        return new SimulationResult(kpis, offeredCalls, events, System.nanoTime() - started);
    }

    private void handle(int kind, int payload, int generation) {
        switch (kind) {
            case ARRIVAL -> arrival(payload);
            case HANGUP -> hangUp(payload, generation);
            case PATIENCE -> patienceOver(payload, generation);
            case ROSTER -> roster(payload);
            case PICK_UP -> {
                if (slotGeneration[payload] == generation && !slotAnswered[payload]) {
                    pickUp(payload, slotAgent[payload]);
                }
            }
            case PAUSE_DUE -> pauseDue(payload, generation);
            case PAUSE_END -> pauseOver(payload, generation);
            default -> throw new IllegalStateException("unknown event " + kind);
        }
    }

    // --- callers ----------------------------------------------------------------------------------------

    private void arrival(int line) {
        long now = calendar.now();
        int slot = takeSlot();
        slotLine[slot] = line;
        slotArrival[slot] = now;
        slotAnswered[slot] = false;
        offeredCalls++;
        kpis.offered(line, interval(now));
        board.offer(slotIds[slot], queueIds[line]);
        Double patience = lines[line].patienceSeconds();
        if (patience != null) {
            calendar.scheduleOwn(now + exponential(patience), PATIENCE, slot, slotGeneration[slot]);
        }
        long next = nextArrival(line, now);
        if (next >= 0) {
            calendar.scheduleOwn(next, ARRIVAL, line, 0);
        }
    }

    private void patienceOver(int slot, int generation) {
        if (slotGeneration[slot] != generation || slotAnswered[slot]) {
            return;
        }
        board.abandon(slotIds[slot]);
        kpis.abandoned(slotLine[slot], interval(slotArrival[slot]));
        releaseSlot(slot);
        if (slotRinging[slot]) {
            slotRinging[slot] = false;
            ringOver(slotAgent[slot]);
        }
    }

    /** The phone stopped ringing without a call (the caller hung up): the agent is free, or leaves now. */
    private void ringOver(int agent) {
        inCall[agent] = false;
        if (leaving[agent]) {
            leaving[agent] = false;
            logOut(agent);
        } else if (pausePending[agent]) {
            pausePending[agent] = false;
            startPause(agent);
        }
    }

    /** The next arrival after {@code from} (ns), Poisson with the rate of each half hour; -1 after the last day. */
    private long nextArrival(int line, long from) {
        double t = from / (double) SECOND;
        double last = end / (double) SECOND;
        while (t < last) {
            long index = (long) (t / SimulationModel.INTERVAL_SECONDS);
            double boundary = (index + 1) * (double) SimulationModel.INTERVAL_SECONDS;
            double rate = arrivalRate[line][(int) (index % SimulationModel.INTERVALS)];
            if (rate > 0) {
                double next = t - Math.log(1 - random.nextDouble()) / rate;
                if (next < boundary) {
                    return next < last ? Math.max(from, (long) (next * SECOND)) : -1;
                }
            }
            t = boundary; // memoryless: draw again from the boundary with the next half hour's rate
        }
        return -1;
    }

    // --- agents -----------------------------------------------------------------------------------------

    private void ringLater(int slot, int agent) {
        if (rings == ringSlots.length) {
            ringSlots = java.util.Arrays.copyOf(ringSlots, rings * 2);
            ringAgents = java.util.Arrays.copyOf(ringAgents, rings * 2);
        }
        ringSlots[rings] = slot;
        ringAgents[rings] = agent;
        rings++;
    }

    private void answerRings() {
        for (int i = 0; i < rings; i++) {
            int slot = ringSlots[i];
            int agent = ringAgents[i];
            if (ringNanos > 0) {
                // the ringing agent is busy for the roster and pauses: they leave when it is over
                slotAgent[slot] = agent;
                slotRinging[slot] = true;
                inCall[agent] = true;
                calendar.scheduleOwn(calendar.now() + ringNanos, PICK_UP, slot, slotGeneration[slot]);
            } else {
                pickUp(slot, agent);
            }
        }
        rings = 0;
    }

    private void pickUp(int slot, int agent) {
        {
            boolean rang = slotRinging[slot];
            slotRinging[slot] = false;
            if (!board.answered(slotIds[slot], agentIds[agent])) {
                if (rang) {
                    ringOver(agent);
                }
                return;
            }
            long now = calendar.now();
            int line = slotLine[slot];
            double wait = (now - slotArrival[slot]) / (double) SECOND;
            slotAnswered[slot] = true;
            slotAgent[slot] = agent;
            inCall[agent] = true;
            kpis.answered(line, interval(slotArrival[slot]), wait, wait <= lines[line].thresholdSeconds());
            long talk = handleTime(line);
            slotTalk[slot] = talk;
            calendar.scheduleOwn(now + talk, HANGUP, slot, slotGeneration[slot]);
        }
    }

    private void hangUp(int slot, int generation) {
        if (slotGeneration[slot] != generation) {
            return;
        }
        int agent = slotAgent[slot];
        int line = slotLine[slot];
        board.ended(slotIds[slot]);
        inCall[agent] = false;
        double busy = slotTalk[slot] / (double) SECOND;
        releaseSlot(slot);
        if (leaving[agent]) {
            leaving[agent] = false;
            logOut(agent);
        } else if (pausePending[agent]) {
            pausePending[agent] = false;
            startPause(agent);
        } else {
            busy += lines[line].wrapUpSeconds();
        }
        kpis.busy(busy);
    }

    /** Each half hour: every group to the number its roster gives. */
    private void roster(int halfHour) {
        long now = calendar.now();
        for (int g = 0; g < model.groups().size(); g++) {
            int wanted = model.groups().get(g).roster()[halfHour % SimulationModel.INTERVALS];
            int present = 0;
            for (int a = 0; a < agentIds.length; a++) {
                if (agentGroup[a] == g && onDuty[a] && !leaving[a]) {
                    present++;
                }
            }
            // more needed: first those about to leave stay, then others log in
            for (int a = 0; a < agentIds.length && present < wanted; a++) {
                if (agentGroup[a] == g && onDuty[a] && leaving[a]) {
                    leaving[a] = false;
                    present++;
                }
            }
            for (int a = 0; a < agentIds.length && present < wanted; a++) {
                if (agentGroup[a] == g && !onDuty[a]) {
                    logIn(a);
                    present++;
                }
            }
            // fewer needed: those not in a call go now, the others when their call is over
            for (int a = agentIds.length - 1; a >= 0 && present > wanted; a--) {
                if (agentGroup[a] == g && onDuty[a] && !leaving[a] && !inCall[a]) {
                    logOut(a);
                    present--;
                }
            }
            for (int a = agentIds.length - 1; a >= 0 && present > wanted; a--) {
                if (agentGroup[a] == g && onDuty[a] && !leaving[a]) {
                    leaving[a] = true;
                    present--;
                }
            }
        }
        long next = (halfHour + 1L) * INTERVAL;
        if (next < end) {
            calendar.scheduleOwn(next, ROSTER, halfHour + 1, 0);
        }
        assert now <= next;
    }

    private void logIn(int agent) {
        onDuty[agent] = true;
        paused[agent] = false;
        pausePending[agent] = false;
        dutyGeneration[agent]++;
        availableSince[agent] = calendar.now();
        board.requestState(agentIds[agent], AgentState.AVAILABLE, null);
        AgentGroup group = model.groups().get(agentGroup[agent]);
        if (group.pauseMinutes() > 0 && group.pauseEveryMinutes() > 0) {
            calendar.scheduleOwn(
                    calendar.now() + group.pauseEveryMinutes() * 60L * SECOND, PAUSE_DUE, agent, dutyGeneration[agent]);
        }
    }

    private void logOut(int agent) {
        if (!paused[agent]) {
            kpis.available((calendar.now() - availableSince[agent]) / (double) SECOND);
        }
        onDuty[agent] = false;
        paused[agent] = false;
        pausePending[agent] = false;
        dutyGeneration[agent]++;
        board.requestState(agentIds[agent], AgentState.LOGGED_OUT, null);
    }

    private void pauseDue(int agent, int generation) {
        if (dutyGeneration[agent] != generation || !onDuty[agent] || leaving[agent]) {
            return;
        }
        if (inCall[agent]) {
            pausePending[agent] = true;
        } else {
            startPause(agent);
        }
    }

    private void startPause(int agent) {
        kpis.available((calendar.now() - availableSince[agent]) / (double) SECOND);
        paused[agent] = true;
        board.requestState(agentIds[agent], AgentState.PAUSED, "Pause");
        AgentGroup group = model.groups().get(agentGroup[agent]);
        calendar.scheduleOwn(
                calendar.now() + group.pauseMinutes() * 60L * SECOND, PAUSE_END, agent, dutyGeneration[agent]);
    }

    private void pauseOver(int agent, int generation) {
        if (dutyGeneration[agent] != generation || !paused[agent]) {
            return;
        }
        paused[agent] = false;
        availableSince[agent] = calendar.now();
        board.requestState(agentIds[agent], AgentState.AVAILABLE, null);
        AgentGroup group = model.groups().get(agentGroup[agent]);
        if (calendar.now() < end) {
            calendar.scheduleOwn(
                    calendar.now() + group.pauseEveryMinutes() * 60L * SECOND, PAUSE_DUE, agent, dutyGeneration[agent]);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private long handleTime(int line) {
        HandleTime handle = lines[line].handleTime();
        double seconds = handle.logNormal()
                ? Math.exp(logNormalMu[line] + logNormalSigma[line] * random.nextGaussian())
                : -Math.log(1 - random.nextDouble()) * handle.meanSeconds();
        return (long) (seconds * SECOND);
    }

    private long exponential(double mean) {
        return (long) (-Math.log(1 - random.nextDouble()) * mean * SECOND);
    }

    private static int interval(long at) {
        return (int) ((at / INTERVAL) % SimulationModel.INTERVALS);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * SECOND));
    }

    private UUID seededId() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static int slotOf(String callId) {
        return Integer.parseInt(callId, 1, callId.length(), 10);
    }

    private int takeSlot() {
        if (freeCount == 0) {
            int old = slotIds.length;
            int size = Math.max(64, old * 2);
            slotIds = java.util.Arrays.copyOf(slotIds, size);
            slotLine = java.util.Arrays.copyOf(slotLine, size);
            slotArrival = java.util.Arrays.copyOf(slotArrival, size);
            slotGeneration = java.util.Arrays.copyOf(slotGeneration, size);
            slotAgent = java.util.Arrays.copyOf(slotAgent, size);
            slotAnswered = java.util.Arrays.copyOf(slotAnswered, size);
            slotRinging = java.util.Arrays.copyOf(slotRinging, size);
            slotTalk = java.util.Arrays.copyOf(slotTalk, size);
            freeSlots = java.util.Arrays.copyOf(freeSlots, size);
            for (int s = size - 1; s >= old; s--) {
                slotIds[s] = "c" + s;
                freeSlots[freeCount++] = s;
            }
        }
        return freeSlots[--freeCount];
    }

    private void releaseSlot(int slot) {
        slotGeneration[slot]++;
        freeSlots[freeCount++] = slot;
    }
}
