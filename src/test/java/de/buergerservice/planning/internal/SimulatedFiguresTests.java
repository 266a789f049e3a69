package de.buergerservice.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.buergerservice.planning.internal.simulation.Simulation;
import de.buergerservice.planning.internal.simulation.SimulationResult;
import de.buergerservice.reporting.KpiFigures;
import de.buergerservice.reporting.ServiceLevelVariant;

/**
 * The what-if's figures come from reporting's KPI core fed with the routing core's events; on the same run they agree
 * with the simulation's own allocation-free counters (kept for the speed benchmark and the convergence tests), so
 * there is one definition in effect.
 */
class SimulatedFiguresTests {

    @Test
    void givenTheSameRun_thenReportingsFiguresAgreeWithTheSimulationsOwnCounters() {
        WhatIf whatIf = new WhatIf("Probe", 1200, DayProfiles.office(), 180, 0.8, 10, 300.0, 0.8, 20, 0.3, null, 3, 7);
        var model = whatIf.model();
        SimulatedFigures figures = new SimulatedFigures(model.start(), 20);
        SimulationResult result = new Simulation(model, figures).run(p -> {}, () -> false);
        KpiFigures total = figures.total();
        var own = result.kpis().total();

        assertThat(total.offered()).isEqualTo(own.offered());
        assertThat(total.answered()).isEqualTo(own.answered());
        assertThat(total.abandoned()).isEqualTo(own.abandoned());
        assertThat(total.averageSpeedOfAnswerSeconds().doubleValue())
                .isCloseTo(own.averageSpeedOfAnswerSeconds(), within(0.01));
        assertThat(total.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED)
                        .doubleValue())
                .isCloseTo(own.serviceLevel(), within(0.005));
        for (int half : List.of(18, 20, 30)) {
            assertThat(figures.halfHour(half).offered())
                    .as("half hour " + half)
                    .isEqualTo(result.kpis().interval(half).offered());
        }
    }
}
