package de.buergerservice.planning.web;

import java.util.List;

import de.buergerservice.planning.internal.DayProfiles;
import de.buergerservice.planning.internal.StaffingTarget;
import de.buergerservice.planning.internal.WhatIf;
import de.buergerservice.planning.internal.simulation.SimulationModel;

/**
 * A what-if as the API and the page receive it, checked field by field into a {@link WhatIf}. {@code target} is
 * written as service level / seconds ({@code 80/20}); {@code profile} defaults to a citizens' office day, and
 * {@code roster} (agents per half hour, or {@code agents} for all day) to the Erlang C staffing.
 */
record WhatIfInput(
        String name,
        Double callsPerDay,
        List<Double> profile,
        Double ahtSeconds,
        Double coefficientOfVariation,
        Double wrapUpSeconds,
        Double patienceSeconds,
        String target,
        Double shrinkage,
        List<Integer> roster,
        Integer agents,
        Integer days,
        Long seed) {

    /** Most calls one what-if may simulate: a couple of seconds' work, not an hour's. */
    static final double MAX_SIMULATED_CALLS = 20_000_000;

    /** {@code 80/20} → {0.8, 20}; null if it is not of that form. */
    static double[] parseTarget(String target) {
        if (target == null) {
            return null;
        }
        String[] parts = target.trim().split("\\s*/\\s*");
        try {
            if (parts.length != 2) {
                return null;
            }
            double percent = Double.parseDouble(parts[0].replace("%", "").replace(',', '.'));
            double seconds = Double.parseDouble(parts[1].replace("s", "").replace(',', '.'));
            if (percent <= 0 || percent >= 100 || seconds < 0 || seconds > 3600) {
                return null;
            }
            return new double[] {percent / 100, seconds};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    WhatIf check(ParameterCheck check) {
        double calls = check.required("callsPerDay", callsPerDay, 0, 1_000_000, true);
        double aht = check.required("ahtSeconds", ahtSeconds, 0, 7200, true);
        Double cv = check.optional("coefficientOfVariation", coefficientOfVariation, 0.05, 5, false);
        double wrapUp = wrapUpSeconds == null ? 10 : check.optional("wrapUpSeconds", wrapUpSeconds, 0, 3600, false);
        Double patience = check.optional("patienceSeconds", patienceSeconds, 0, 86_400, true);
        double s = shrinkage == null ? 0 : check.optional("shrinkage", shrinkage, 0, 0.9, false);
        double[] parsedTarget = parseTarget(target);
        if (parsedTarget == null) {
            check.reject("target", "validation.planning.target");
        }
        double[] weights = DayProfiles.office();
        if (profile != null) {
            if (profile.size() != SimulationModel.INTERVALS
                    || profile.stream().anyMatch(w -> w == null || w < 0 || w.isNaN() || w.isInfinite())
                    || profile.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                check.reject("profile", "validation.planning.profile");
            } else {
                weights = profile.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        int[] staffed = null;
        if (roster != null) {
            if (roster.size() != SimulationModel.INTERVALS
                    || roster.stream().anyMatch(n -> n == null || n < 0 || n > StaffingTarget.MAX_AGENTS)) {
                check.reject("roster", "validation.planning.roster");
            } else {
                staffed = roster.stream().mapToInt(Integer::intValue).toArray();
            }
        } else if (agents != null) {
            check.optionalWhole("agents", agents, 0, StaffingTarget.MAX_AGENTS);
            staffed = SimulationModel.constant(agents);
        }
        int d = days == null ? 20 : days;
        check.optionalWhole("days", d, 1, 366);
        if (check.ok() && calls * d > MAX_SIMULATED_CALLS) {
            check.reject("days", "validation.planning.tooManyCalls", (long) MAX_SIMULATED_CALLS);
        }
        check.throwIfRejected();
        WhatIf whatIf = new WhatIf(
                name == null || name.isBlank() ? "Neue Kommune" : name.strip(),
                calls,
                weights,
                aht,
                cv,
                wrapUp,
                patience,
                parsedTarget[0],
                parsedTarget[1],
                s,
                staffed,
                d,
                seed == null ? 1 : seed);
        try {
            whatIf.plan();
        } catch (IllegalArgumentException e) {
            check.reject("callsPerDay", "validation.planning.loadTooHigh", StaffingTarget.MAX_AGENTS);
            check.throwIfRejected();
        }
        return whatIf;
    }
}
