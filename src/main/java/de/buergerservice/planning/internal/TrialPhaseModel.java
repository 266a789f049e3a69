package de.buergerservice.planning.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import de.buergerservice.planning.internal.simulation.SimulationModel;
import de.buergerservice.planning.internal.simulation.SimulationModel.AgentGroup;
import de.buergerservice.planning.internal.simulation.SimulationModel.HandleTime;
import de.buergerservice.planning.internal.simulation.SimulationModel.Municipality;
import de.buergerservice.tenancy.TimeRange;

/**
 * The model of one day of Artland's trial phase (2010-11-01 to 2011-04-30) as the demo replays it: the office day
 * profile cut to the day's telephone hours, more calls at the start of the week, log-normal talk of 3 minutes with
 * 30 s wrap-up, phones that ring 4 s before the agent picks up, callers who hang up after 10 minutes on average, and a roster of two agents with a third in the
 * morning peak and early afternoon. Chosen so that the interim report shows about the model case's figures:
 * average wait ≈ 8 s, service level 80/20 above 90 % (first-contact resolution comes from the documented outcome
 * mix, {@link TrialPhaseReplay}). Pure: the same day gives the same model.
 */
public final class TrialPhaseModel {

    public static final LocalDate FROM = LocalDate.of(2010, 11, 1);
    public static final LocalDate TO = LocalDate.of(2011, 4, 30);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final double AHT_SECONDS = 180;
    static final double WRAP_UP_SECONDS = 30;
    static final double PATIENCE_SECONDS = 600;
    /** The agents' phones ring this long before they pick up: part of every caller's wait. */
    public static final java.time.Duration RING = java.time.Duration.ofSeconds(4);

    private TrialPhaseModel() {}

    /** Calls on a day of the week: Mondays most, Fridays (short day) fewest. */
    static double callsOn(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> 135;
            case TUESDAY -> 115;
            case WEDNESDAY -> 100;
            case THURSDAY -> 110;
            case FRIDAY -> 70;
            default -> 0;
        };
    }

    /** The day's model; {@code open} are its telephone hours (empty: closed, no model). */
    public static SimulationModel day(LocalDate day, List<TimeRange> open) {
        double[] office = DayProfiles.office();
        double[] profile = new double[SimulationModel.INTERVALS];
        int[] roster = new int[SimulationModel.INTERVALS];
        for (int half = 0; half < SimulationModel.INTERVALS; half++) {
            LocalTime start = LocalTime.of(half / 2, half % 2 * 30);
            boolean isOpen = open.stream().anyMatch(r -> !start.isBefore(r.opens()) && start.isBefore(r.closes()));
            if (isOpen) {
                profile[half] = office[half];
                // 08:00–12:00 and 13:00–16:00 three agents, otherwise two
                roster[half] = (half >= 16 && half < 24) || (half >= 26 && half < 32) ? 3 : 2;
            }
        }
        Municipality artland = new Municipality(
                "Samtgemeinde Artland",
                callsOn(day.getDayOfWeek()),
                profile,
                HandleTime.logNormal(AHT_SECONDS, 0.6),
                WRAP_UP_SECONDS,
                PATIENCE_SECONDS,
                20,
                null);
        AgentGroup team = new AgentGroup("ServiceCenter", List.of(0), false, roster, 0, 0);
        return new SimulationModel(
                day.atStartOfDay(BERLIN).toInstant(), 1, day.toEpochDay(), List.of(artland), List.of(team));
    }
}
