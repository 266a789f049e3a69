package de.buergerservice.planning.internal;

import java.util.ArrayList;
import java.util.List;

import de.buergerservice.planning.internal.simulation.SimulationModel;

/** Agents needed per half hour of a day by Erlang C, for calls per day spread by a day profile. */
public final class StaffingPlan {

    private StaffingPlan() {}

    /** One half hour: expected calls and the staffing Erlang C asks for (null staffing: no calls expected). */
    public record HalfHour(int index, String start, double calls, Staffing staffing) {

        public int agents() {
            return staffing == null ? 0 : staffing.agents();
        }
    }

    public static List<HalfHour> of(
            double callsPerDay, double[] profile, double ahtSeconds, double thresholdSeconds, StaffingTarget target) {
        double weights = 0;
        for (double w : profile) {
            weights += w;
        }
        List<HalfHour> plan = new ArrayList<>();
        for (int i = 0; i < SimulationModel.INTERVALS; i++) {
            double calls = weights == 0 ? 0 : callsPerDay * profile[i] / weights;
            Staffing staffing = calls <= 0
                    ? null
                    : ErlangC.agentsNeeded(
                            new Workload(calls, SimulationModel.INTERVAL_SECONDS, ahtSeconds, thresholdSeconds),
                            target);
            plan.add(new HalfHour(i, DayProfiles.label(i), calls, staffing));
        }
        return plan;
    }
}
