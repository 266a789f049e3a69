package de.buergerservice.planning.internal.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import de.buergerservice.planning.internal.ErlangA;
import de.buergerservice.planning.internal.ErlangC;
import de.buergerservice.planning.internal.Staffing;
import de.buergerservice.planning.internal.Workload;
import de.buergerservice.planning.internal.simulation.SimulatedKpis.Kpis;
import de.buergerservice.planning.internal.simulation.SimulationModel.AgentGroup;
import de.buergerservice.planning.internal.simulation.SimulationModel.HandleTime;
import de.buergerservice.planning.internal.simulation.SimulationModel.Municipality;

/**
 * Property: where the model is M/M/N (Poisson arrivals, exponential handle times, no wrap-up, callers who wait for
 * ever) the simulation through the real routing core converges to Erlang C — service level within 1 percentage
 * point, ASA within 5 % — and with exponential patience to Erlang A, over enough calls. Each case is a different
 * load, staffing and seed. 600,000 calls are enough up to an occupancy of about 0.87; nearer 1 the queue forgets
 * its past only over days of simulated time (at 53 Erlang on 58 agents, seeds scattered ±1.5 points over 1.2
 * million calls), so such a case would need far more calls than a unit test should take.
 */
class SimulationConvergenceTests {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    static SimulationModel mmn(double callsPerHalfHour, double aht, int agents, Double patience, int days, long seed) {
        Municipality line = new Municipality(
                "Testkommune",
                callsPerHalfHour * SimulationModel.INTERVALS,
                SimulationModel.open(0, 24),
                HandleTime.exponential(aht),
                0,
                patience,
                20,
                null);
        AgentGroup group = new AgentGroup("Team", List.of(0), false, SimulationModel.constant(agents), 0, 0);
        return new SimulationModel(START, days, seed, List.of(line), List.of(group));
    }

    static Kpis run(SimulationModel model) {
        return new Simulation(model).run(p -> {}, () -> false).kpis().total();
    }

    @ParameterizedTest(name = "{0} calls/30 min, AHT {1} s, {2} agents, seed {3}")
    @CsvSource({"100, 180, 14, 1", "100, 180, 13, 2", "400, 240, 62, 3", "30, 300, 7, 4"})
    void withoutPatienceTheSimulationConvergesToErlangC(double calls, double aht, int agents, long seed) {
        Workload workload = new Workload(calls, 1800, aht, 20);
        Staffing erlang = ErlangC.evaluate(workload, agents, 0);
        int days = (int) Math.ceil(600_000 / (calls * 48));

        Kpis simulated = run(mmn(calls, aht, agents, null, days, seed));

        assertThat(simulated.offered()).isGreaterThan(590_000);
        assertThat(simulated.abandoned()).isZero();
        assertThat(simulated.serviceLevel()).isEqualTo(erlang.serviceLevel(), within(0.01));
        assertThat(simulated.averageSpeedOfAnswerSeconds())
                .isEqualTo(erlang.averageSpeedOfAnswerSeconds(), within(0.05 * erlang.averageSpeedOfAnswerSeconds()));
    }

    @ParameterizedTest(name = "{0} calls/30 min, AHT {1} s, {2} agents, patience {3} s, seed {4}")
    @CsvSource({"100, 180, 14, 300, 5", "100, 180, 11, 120, 6", "400, 240, 52, 180, 7"})
    void withPatienceTheSimulationConvergesToErlangA(double calls, double aht, int agents, double patience, long seed) {
        Workload workload = new Workload(calls, 1800, aht, 20);
        Staffing erlang = ErlangA.evaluate(workload, agents, patience, 0);
        int days = (int) Math.ceil(600_000 / (calls * 48));

        Kpis simulated = run(mmn(calls, aht, agents, patience, days, seed));

        assertThat(simulated.serviceLevel()).isEqualTo(erlang.serviceLevel(), within(0.01));
        assertThat(simulated.abandonRate()).isEqualTo(erlang.probabilityOfAbandon(), within(0.01));
        assertThat(simulated.averageSpeedOfAnswerSeconds())
                .isEqualTo(erlang.averageSpeedOfAnswerSeconds(), within(0.05 * erlang.averageSpeedOfAnswerSeconds()));
    }
}
