package de.buergerservice.planning.internal;

/**
 * The calls of one period: how many, how long the period, the mean handle time (talk + wrap-up), and the wait
 * the service level counts as "answered in time".
 */
public record Workload(double calls, double intervalSeconds, double ahtSeconds, double thresholdSeconds) {

    /** Offered load in Erlang. */
    public double load() {
        return ErlangC.load(calls, intervalSeconds, ahtSeconds);
    }

    /** Arrival rate per second. */
    public double arrivalRate() {
        return calls / intervalSeconds;
    }
}
