package de.buergerservice.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.buergerservice.planning.internal.simulation.Simulation;
import de.buergerservice.reporting.KpiFigures;
import de.buergerservice.reporting.ServiceLevelVariant;
import de.buergerservice.tenancy.TimeRange;

/**
 * The trial phase's model gives about the figures of the Oldenburg–Artland interim report when its six months are
 * simulated through the routing core and counted by reporting's KPI core: average wait ≈ 8 s, service level 80/20
 * above 90 %.
 */
class TrialPhaseModelTests {

    static List<TimeRange> hours(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> List.of();
            case FRIDAY -> List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(13, 0)));
            default -> List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(17, 0)));
        };
    }

    @Test
    void givenTheSixMonths_thenWaitAbout8Seconds_andServiceLevelAbove90Percent() {
        long offered = 0;
        long answered = 0;
        long inTime = 0;
        double waitMs = 0;
        for (LocalDate day = TrialPhaseModel.FROM; !day.isAfter(TrialPhaseModel.TO); day = day.plusDays(1)) {
            if (hours(day).isEmpty()) {
                continue;
            }
            var model = TrialPhaseModel.day(day, hours(day));
            SimulatedFigures figures = new SimulatedFigures(model.start(), 20);
            new Simulation(model, figures, TrialPhaseModel.RING).run(p -> {}, () -> false);
            KpiFigures f = figures.total();
            offered += f.offered();
            answered += f.answered();
            inTime += f.serviceLevel(ServiceLevelVariant.ANSWERED_WITHIN_OF_OFFERED)
                    .multiply(BigDecimal.valueOf(f.offered()))
                    .longValue();
            waitMs += f.averageSpeedOfAnswerSeconds().doubleValue() * 1000 * f.answered();
        }
        double asa = waitMs / answered / 1000;
        double serviceLevel = (double) inTime / offered;
        System.out.printf("trial phase: %d offered, ASA %.1f s, SL %.3f%n", offered, asa, serviceLevel);
        assertThat(offered).isBetween(10_000L, 16_000L);
        assertThat(asa).isBetween(7.0, 10.0);
        assertThat(serviceLevel).isGreaterThan(0.90);
    }

    @Test
    void givenTheSameDay_thenTheSameModel() {
        LocalDate monday = LocalDate.of(2010, 11, 1);
        assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(TrialPhaseModel.day(monday, hours(monday)).seed())
                .isEqualTo(TrialPhaseModel.day(monday, hours(monday)).seed());
    }
}
