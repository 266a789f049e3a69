package de.buergerservice.planning.internal.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.buergerservice.planning.internal.simulation.SimulatedKpis.Kpis;
import de.buergerservice.planning.internal.simulation.SimulationModel.AgentGroup;
import de.buergerservice.planning.internal.simulation.SimulationModel.HandleTime;
import de.buergerservice.planning.internal.simulation.SimulationModel.Municipality;

/** The parts of the model beyond M/M/N: several municipalities, skills, overflow, rosters, pauses, the seed. */
class SimulationModelTests {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    static Municipality line(String name, Double overflowAfter) {
        return new Municipality(
                name, 500, SimulationModel.open(8, 18), HandleTime.logNormal(180, 0.8), 10, null, 20, overflowAfter);
    }

    static int[] daytime(int agents) {
        int[] roster = new int[SimulationModel.INTERVALS];
        java.util.Arrays.fill(roster, 16, 36, agents);
        return roster;
    }

    @Test
    void aMunicipalityWithoutOwnAgentsIsServedByThePoolOnlyAfterItsOverflowDelay() {
        SimulationModel model = new SimulationModel(
                START,
                5,
                1,
                List.of(line("Artland", null), line("Neuland", 30.0)),
                List.of(
                        new AgentGroup("Artland", List.of(0), false, daytime(6), 0, 0),
                        new AgentGroup("Pool", List.of(), true, daytime(6), 0, 0)));

        SimulatedKpis kpis = new Simulation(model).run(p -> {}, () -> false).kpis();

        Kpis neuland = kpis.municipality(1);
        assertThat(neuland.offered()).isGreaterThan(2_000);
        assertThat(neuland.answered()).isEqualTo(neuland.offered());
        assertThat(neuland.answeredInTime()).isZero(); // nobody may take them before 30 s
        assertThat(neuland.averageSpeedOfAnswerSeconds()).isGreaterThanOrEqualTo(30);
        assertThat(kpis.municipality(0).serviceLevel()).isGreaterThan(0.5);
    }

    @Test
    void pausesCostServiceLevel() {
        SimulationModel without = new SimulationModel(
                START,
                5,
                2,
                List.of(line("Artland", null)),
                List.of(new AgentGroup("Team", List.of(0), false, daytime(7), 0, 0)));
        SimulationModel with = new SimulationModel(
                START,
                5,
                2,
                List.of(line("Artland", null)),
                List.of(new AgentGroup("Team", List.of(0), false, daytime(7), 60, 15)));

        double slWithout =
                new Simulation(without).run(p -> {}, () -> false).kpis().total().serviceLevel();
        double slWith =
                new Simulation(with).run(p -> {}, () -> false).kpis().total().serviceLevel();

        assertThat(slWith).isLessThan(slWithout - 0.05);
    }

    @Test
    void nobodyOnDutyMeansNoCallIsAnsweredAndCallersWithPatienceGiveUp() {
        Municipality impatient = new Municipality(
                "Artland", 500, SimulationModel.open(8, 18), HandleTime.exponential(180), 10, 60.0, 20, null);
        SimulationModel model = new SimulationModel(
                START, 2, 3, List.of(impatient), List.of(new AgentGroup("Team", List.of(0), false, daytime(0), 0, 0)));

        Kpis total = new Simulation(model).run(p -> {}, () -> false).kpis().total();

        assertThat(total.answered()).isZero();
        assertThat(total.abandoned()).isEqualTo(total.offered()).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameRunAndCallEventsComeFromTheCoreWhenAskedFor() {
        SimulationModel model = new SimulationModel(
                START,
                2,
                4,
                List.of(line("Artland", null)),
                List.of(new AgentGroup("Team", List.of(0), false, daytime(6), 90, 10)));
        long[] events = {0};

        Kpis first = new Simulation(model).run(p -> {}, () -> false).kpis().total();
        Kpis second = new Simulation(model, e -> events[0]++)
                .run(p -> {}, () -> false)
                .kpis()
                .total();

        assertThat(second).isEqualTo(first);
        // per answered call at least offered, queued, ringing, answered, ended and four agent states
        assertThat(events[0]).isGreaterThan(first.answered() * 9);
    }
}
