package de.buergerservice.planning.internal;

/**
 * Erlang C (M/M/N): callers wait without giving up, handle times are exponential. The probability of wait comes
 * from Erlang B by its recursion {@code B(n) = A·B(n−1) / (n + A·B(n−1))}, which needs no factorials or powers and
 * stays exact for thousands of agents, where {@code A^N/N!} overflows a double long before.
 */
public final class ErlangC {

    private ErlangC() {}

    /** The offered load of a period in Erlang: calls × handle time ÷ period length. */
    public static double load(double calls, double intervalSeconds, double ahtSeconds) {
        return calls * ahtSeconds / intervalSeconds;
    }

    /** Erlang B: the probability that all {@code agents} are busy in a loss system with {@code load} Erlang. */
    public static double erlangB(int agents, double load) {
        double b = 1.0;
        for (int n = 1; n <= agents; n++) {
            b = load * b / (n + load * b);
        }
        return b;
    }

    /** The probability that a caller has to wait; 1 when the agents cannot carry the load. */
    public static double probabilityOfWait(int agents, double load) {
        return probabilityOfWait(agents, load, erlangB(agents, load));
    }

    static double probabilityOfWait(int agents, double load, double erlangB) {
        if (agents <= load) {
            return 1.0;
        }
        return agents * erlangB / (agents - load * (1 - erlangB));
    }

    /** The share of callers answered within {@code thresholdSeconds}. */
    public static double serviceLevel(int agents, double load, double ahtSeconds, double thresholdSeconds) {
        return serviceLevel(agents, load, ahtSeconds, thresholdSeconds, probabilityOfWait(agents, load));
    }

    static double serviceLevel(int agents, double load, double aht, double threshold, double probabilityOfWait) {
        if (agents <= load) {
            return 0.0;
        }
        return 1 - probabilityOfWait * Math.exp(-(agents - load) * threshold / aht);
    }

    /** Average speed of answer (mean wait over all callers) in seconds; infinite when the load is not carried. */
    public static double averageSpeedOfAnswer(int agents, double load, double ahtSeconds) {
        if (agents <= load) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWait(agents, load) * ahtSeconds / (agents - load);
    }

    /** The share of their time the agents spend in calls. */
    public static double occupancy(int agents, double load) {
        return Math.min(1.0, load / agents);
    }

    /** The figures for a given number of agents. */
    public static Staffing evaluate(Workload workload, int agents, double shrinkage) {
        double load = workload.load();
        double pw = probabilityOfWait(agents, load);
        return new Staffing(
                agents,
                positions(agents, shrinkage),
                pw,
                serviceLevel(agents, load, workload.ahtSeconds(), workload.thresholdSeconds(), pw),
                occupancy(agents, load),
                agents <= load ? Double.POSITIVE_INFINITY : pw * workload.ahtSeconds() / (agents - load),
                0.0);
    }

    /**
     * The fewest agents that reach the target: service level, and where given the longest average speed of
     * answer and the highest occupancy. Positions add shrinkage (breaks, training, illness) on top.
     */
    public static Staffing agentsNeeded(Workload workload, StaffingTarget target) {
        double load = workload.load();
        double b = 1.0;
        int n = 0;
        while (true) {
            n++;
            b = load * b / (n + load * b);
            if (n <= load) {
                continue;
            }
            if (n > StaffingTarget.MAX_AGENTS) {
                throw new IllegalArgumentException("more than " + StaffingTarget.MAX_AGENTS + " agents");
            }
            double pw = probabilityOfWait(n, load, b);
            double sl = serviceLevel(n, load, workload.ahtSeconds(), workload.thresholdSeconds(), pw);
            double asa = pw * workload.ahtSeconds() / (n - load);
            if (target.metBy(sl, asa, load / n)) {
                return new Staffing(n, positions(n, target.shrinkage()), pw, sl, occupancy(n, load), asa, 0.0);
            }
        }
    }

    /** Positions to staff so that {@code agents} are on the phone after shrinkage. */
    public static int positions(int agents, double shrinkage) {
        // rounding noise (14 / 0.7 = 20.000000000000004) must not cost a whole position
        return (int) Math.ceil(agents / (1 - shrinkage) - 1e-9);
    }
}
