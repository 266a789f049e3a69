package de.buergerservice.planning.internal;

import java.time.Instant;
import java.util.List;

import de.buergerservice.planning.internal.simulation.SimulationModel;
import de.buergerservice.planning.internal.simulation.SimulationModel.AgentGroup;
import de.buergerservice.planning.internal.simulation.SimulationModel.HandleTime;
import de.buergerservice.planning.internal.simulation.SimulationModel.Municipality;

/**
 * A new municipality described for planning: calls per day and their day profile, handle time (mean, log-normal
 * with a coefficient of variation or exponential), wrap-up, callers' mean patience (null: they wait), the target
 * (service level within a threshold) and shrinkage, and the roster to simulate — agents per half hour, or null for
 * the Erlang C staffing. Checked by the web layer before it gets here.
 */
public record WhatIf(
        String name,
        double callsPerDay,
        double[] profile,
        double ahtSeconds,
        Double coefficientOfVariation,
        double wrapUpSeconds,
        Double patienceSeconds,
        double serviceLevel,
        double thresholdSeconds,
        double shrinkage,
        int[] roster,
        int days,
        long seed) {

    public StaffingTarget target() {
        return StaffingTarget.serviceLevel(serviceLevel, shrinkage);
    }

    /** Erlang C per half hour; the handle time it counts includes wrap-up, which keeps the agent from calls too. */
    public List<StaffingPlan.HalfHour> plan() {
        return StaffingPlan.of(callsPerDay, profile, ahtSeconds + wrapUpSeconds, thresholdSeconds, target());
    }

    /** The roster simulated: the given one, else the Erlang C agents of each half hour. */
    public int[] rosterOrPlan() {
        if (roster != null) {
            return roster.clone();
        }
        return plan().stream().mapToInt(StaffingPlan.HalfHour::agents).toArray();
    }

    public SimulationModel model() {
        HandleTime handle = coefficientOfVariation == null
                ? HandleTime.exponential(ahtSeconds)
                : HandleTime.logNormal(ahtSeconds, coefficientOfVariation);
        Municipality line = new Municipality(
                name, callsPerDay, profile, handle, wrapUpSeconds, patienceSeconds, thresholdSeconds, null);
        AgentGroup team = new AgentGroup("Team", List.of(0), false, rosterOrPlan(), 0, 0);
        return new SimulationModel(Instant.parse("2026-01-05T00:00:00Z"), days, seed, List.of(line), List.of(team));
    }
}
