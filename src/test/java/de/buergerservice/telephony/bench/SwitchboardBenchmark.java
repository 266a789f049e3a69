package de.buergerservice.telephony.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import de.buergerservice.telephony.AgentState;
import de.buergerservice.telephony.internal.routing.CallEvent;
import de.buergerservice.telephony.internal.routing.QueueDefinition;
import de.buergerservice.telephony.internal.routing.Skill;
import de.buergerservice.telephony.internal.routing.Switchboard;
import de.buergerservice.telephony.internal.routing.SwitchboardListener;
import de.buergerservice.telephony.internal.routing.VirtualTime;

/**
 * The routing core alone, without SIP or database: one whole call (offer → ring → answer → hang up → wrap-up
 * over) with 1,000 agents logged in and 2,000 calls waiting in a second queue that nobody serves, so every
 * routing decision scans the full agent list. Shows how much of the 300 calls/s target the core itself uses.
 * Run: see docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SwitchboardBenchmark {

    VirtualTime time;
    Switchboard board;
    UUID servedQueue;
    long events;
    long calls;
    final List<UUID> agents = new ArrayList<>();
    UUID lastRung;

    @Setup(Level.Trial)
    public void setUp() {
        time = new VirtualTime(Instant.parse("2026-11-25T09:00:00Z"));
        board = new Switchboard(time, time, new SwitchboardListener() {
            @Override
            public void ring(String callId, UUID agentId) {
                lastRung = agentId;
            }

            @Override
            public void recorded(CallEvent event) {
                events++;
            }
        });
        UUID tenant = UUID.randomUUID();
        UUID unserved = UUID.randomUUID();
        servedQueue = UUID.randomUUID();
        board.defineQueue(new QueueDefinition(
                servedQueue,
                tenant,
                "served",
                new de.buergerservice.telephony.internal.routing.SkillRequirement(tenant, "", 1),
                null,
                null,
                null,
                java.time.Duration.ZERO));
        board.defineQueue(QueueDefinition.forTenant(UUID.randomUUID(), unserved, "unserved"));
        for (int i = 0; i < 1000; i++) {
            UUID agent = UUID.randomUUID();
            board.defineAgent(agent, "agent" + i, List.of(Skill.of(tenant, 1 + i % 5)));
            board.phoneRegistered(agent, true);
            board.requestState(agent, AgentState.AVAILABLE, null);
            agents.add(agent);
            time.advanceSeconds(1);
        }
        UUID unservedQueue = board.snapshot().queues().get(1).id();
        for (int i = 0; i < 2000; i++) {
            board.offer("waiting-" + i, unservedQueue);
        }
    }

    @Benchmark
    public long wholeCall() {
        String callId = "call-" + calls++;
        board.offer(callId, servedQueue);
        board.answered(callId, lastRung);
        time.advanceSeconds(1);
        board.ended(callId);
        time.advanceSeconds(0); // wrap-up of 0 s falls due: the agent is available again
        return events;
    }
}
