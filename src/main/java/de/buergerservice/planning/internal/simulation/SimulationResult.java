package de.buergerservice.planning.internal.simulation;

/** What a run gave: the key figures, how many calls and events it simulated, and its wall time. */
public record SimulationResult(SimulatedKpis kpis, long calls, long events, long wallNanos) {

    /** Simulated calls per second of wall time. */
    public double callsPerSecond() {
        return wallNanos == 0 ? 0 : calls * 1e9 / wallNanos;
    }
}
