package de.buergerservice.planning.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.List;

import de.buergerservice.planning.internal.simulation.SimulatedKpis.Kpis;
import de.buergerservice.planning.internal.simulation.Simulation;
import de.buergerservice.planning.internal.simulation.SimulationModel;
import de.buergerservice.planning.internal.simulation.SimulationModel.AgentGroup;
import de.buergerservice.planning.internal.simulation.SimulationModel.HandleTime;
import de.buergerservice.planning.internal.simulation.SimulationModel.Municipality;
import de.buergerservice.planning.internal.simulation.SimulationResult;

/**
 * Speed of the simulation (not a test; see docs/benchmarks.md "Planning"): a year of about 10 million calls —
 * 27,400 calls a day between 08:00 and 18:00, exponential handle time of 300 s, 10 s wrap-up, patience 300 s — on
 * 300 agents through the real routing core. Prints simulated calls per second of wall time and the heap after each
 * quarter (memory must stay flat in the number of calls). The same model in SimPy is
 * {@code src/test/python/planning_simpy.py}.
 *
 * <p>With {@code -Dbench.events=true} the core also builds every call event (as for a replay or report).
 *
 * <p>Arguments (optional): days (365), calls per day (27,400), agents (300), runs (2; the first warms the JIT up).
 */
public final class PlanningYearBenchmark {

    private PlanningYearBenchmark() {}

    public static SimulationModel model(int days, double callsPerDay, int agents, long seed) {
        Municipality line = new Municipality(
                "Jahreslast",
                callsPerDay,
                SimulationModel.open(8, 18),
                HandleTime.exponential(300),
                10,
                300.0,
                20,
                null);
        int[] roster = new int[SimulationModel.INTERVALS];
        java.util.Arrays.fill(roster, 16, 36, agents); // 08:00–18:00, when the line is open
        AgentGroup team = new AgentGroup("Team", List.of(0), false, roster, 0, 0);
        return new SimulationModel(Instant.parse("2026-01-01T00:00:00Z"), days, seed, List.of(line), List.of(team));
    }

    public static void main(String[] args) {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 365;
        double callsPerDay = args.length > 1 ? Double.parseDouble(args[1]) : 27_400;
        int agents = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        boolean events = Boolean.getBoolean("bench.events");
        long[] eventCount = {0};
        for (int r = 1; r <= runs; r++) {
            int run = r;
            long[] lastQuarter = {-1};
            long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            SimulationResult result = (events
                            ? new Simulation(model(days, callsPerDay, agents, run), e -> eventCount[0]++)
                            : new Simulation(model(days, callsPerDay, agents, run)))
                    .run(
                            progress -> {
                                long quarter = (long) (progress * 4);
                                if (quarter != lastQuarter[0] && quarter < 4) {
                                    lastQuarter[0] = quarter;
                                    System.gc();
                                    System.out.printf(
                                            "  run %d at %3.0f %%: heap used %,d KB%n",
                                            run,
                                            progress * 100,
                                            memory.getHeapMemoryUsage().getUsed() / 1024);
                                }
                            },
                            () -> false);
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore;
            Kpis total = result.kpis().total();
            System.out.printf(
                    "run %d: %,d calls, %,d events in %.2f s = %,.0f simulated calls/s; %.2f s CPU = %,.0f calls/CPU-s"
                            + " (SL %.4f, ASA %.2f s, abandoned %.4f, occupancy %.3f)%n",
                    run,
                    result.calls(),
                    result.events(),
                    result.wallNanos() / 1e9,
                    result.callsPerSecond(),
                    cpu / 1e9,
                    result.calls() * 1e9 / cpu,
                    total.serviceLevel(),
                    total.averageSpeedOfAnswerSeconds(),
                    total.abandonRate(),
                    result.kpis().occupancy());
        }
    }
}
