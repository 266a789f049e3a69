package de.buergerservice.planning.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import de.buergerservice.planning.internal.simulation.Simulation;
import de.buergerservice.planning.internal.simulation.SimulationResult;

/**
 * One simulated day of {@link PlanningYearBenchmark}'s model (about 27,400 calls on 300 agents) per operation, with
 * the core building call events or not ({@code events}). Calls per second = 27,400 ÷ the time per operation; run
 * with {@code -prof gc} for the allocation per call. See docs/benchmarks.md "Planning".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SimulationBenchmark {

    @Param({"false", "true"})
    boolean events;

    long seed;
    long sink;

    @Benchmark
    public long oneDay() {
        Simulation simulation = events
                ? new Simulation(PlanningYearBenchmark.model(1, 27_400, 300, ++seed), e -> sink++)
                : new Simulation(PlanningYearBenchmark.model(1, 27_400, 300, ++seed));
        SimulationResult result = simulation.run(p -> {}, () -> false);
        return result.calls() + sink;
    }
}
