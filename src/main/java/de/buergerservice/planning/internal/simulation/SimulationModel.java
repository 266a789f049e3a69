package de.buergerservice.planning.internal.simulation;

import java.time.Instant;
import java.util.List;

/**
 * What is simulated: municipalities with their calls (a day profile of 48 half-hour weights), agent groups with
 * their skills and roster, over whole days from {@code start}, with the random numbers of {@code seed} — the same
 * model and seed give the same result.
 */
public record SimulationModel(
        Instant start, int days, long seed, List<Municipality> municipalities, List<AgentGroup> groups) {

    public static final int INTERVALS = 48;
    public static final long INTERVAL_SECONDS = 1800;

    public SimulationModel {
        municipalities = List.copyOf(municipalities);
        groups = List.copyOf(groups);
        if (days < 1 || municipalities.isEmpty() || groups.isEmpty()) {
            throw new IllegalArgumentException("a simulation needs days, municipalities and agents");
        }
    }

    /** How long a call is talked: exponential, or log-normal with a coefficient of variation. */
    public record HandleTime(double meanSeconds, double coefficientOfVariation, boolean logNormal) {

        public static HandleTime exponential(double meanSeconds) {
            return new HandleTime(meanSeconds, 1, false);
        }

        public static HandleTime logNormal(double meanSeconds, double coefficientOfVariation) {
            return new HandleTime(meanSeconds, coefficientOfVariation, true);
        }
    }

    /**
     * One municipality's line: calls per day spread over the day by {@code profile} (48 weights), handle time,
     * wrap-up, mean patience of its callers (null: nobody hangs up), the wait that counts as in time, and — if
     * {@code overflowAfterSeconds} is set — overflow to the agents of the service center's pool.
     */
    public record Municipality(
            String name,
            double callsPerDay,
            double[] profile,
            HandleTime handleTime,
            double wrapUpSeconds,
            Double patienceSeconds,
            double thresholdSeconds,
            Double overflowAfterSeconds) {

        public Municipality {
            if (profile.length != INTERVALS) {
                throw new IllegalArgumentException("a day profile has 48 half hours");
            }
            profile = profile.clone();
        }
    }

    /**
     * Agents alike: the municipalities they serve (indexes into the model's list), whether they belong to the
     * overflow pool, how many are on duty per half hour ({@code roster}, 48 values), and pauses: every
     * {@code pauseEveryMinutes} on duty a pause of {@code pauseMinutes} (0: none), taken when the current call is
     * over.
     */
    public record AgentGroup(
            String name, List<Integer> serves, boolean pool, int[] roster, int pauseEveryMinutes, int pauseMinutes) {

        public AgentGroup {
            if (roster.length != INTERVALS) {
                throw new IllegalArgumentException("a roster has 48 half hours");
            }
            roster = roster.clone();
            serves = List.copyOf(serves);
        }

        public int size() {
            int max = 0;
            for (int n : roster) {
                max = Math.max(max, n);
            }
            return max;
        }
    }

    /** Weights for a day with the line open from {@code from} to {@code to} (hours), evenly. */
    public static double[] open(int from, int to) {
        double[] profile = new double[INTERVALS];
        for (int i = from * 2; i < to * 2; i++) {
            profile[i] = 1;
        }
        return profile;
    }

    /** The same number of agents all day. */
    public static int[] constant(int agents) {
        int[] roster = new int[INTERVALS];
        java.util.Arrays.fill(roster, agents);
        return roster;
    }
}
