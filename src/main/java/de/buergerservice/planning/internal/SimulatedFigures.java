package de.buergerservice.planning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import de.buergerservice.reporting.IntervalKey;
import de.buergerservice.reporting.KpiCounts;
import de.buergerservice.reporting.KpiEvent;
import de.buergerservice.reporting.KpiFigures;
import de.buergerservice.reporting.KpiFold;
import de.buergerservice.telephony.internal.routing.CallEvent;

/**
 * The simulation's figures by reporting's own definitions: the routing core's call events go into reporting's
 * {@link KpiFold}, and {@link KpiFigures} divides — so a what-if and the interim report count a service level, an
 * ASA or an occupancy the same way. Half hours are those of the simulated day from the model's start.
 */
public final class SimulatedFigures implements Consumer<CallEvent> {

    private final KpiFold fold = new KpiFold();
    private final Instant start;
    private final int thresholdSeconds;

    public SimulatedFigures(Instant start, int thresholdSeconds) {
        this.start = start;
        this.thresholdSeconds = thresholdSeconds;
    }

    @Override
    public void accept(CallEvent e) {
        fold.accept(new KpiEvent(
                e.sequence(),
                e.callId(),
                e.tenantId(),
                e.queueId(),
                e.agentId(),
                e.type(),
                e.agentState(),
                e.detail(),
                e.at()));
    }

    /** Every call and all agent time of the run. */
    public KpiFigures total() {
        return figures(key -> true);
    }

    /** The calls that arrived in half hour {@code halfHour} (0 = 00:00–00:30) of any simulated day. */
    public KpiFigures halfHour(int halfHour) {
        return figures(key -> halfHourOf(key.start()) == halfHour);
    }

    private KpiFigures figures(Predicate<IntervalKey> when) {
        Map<IntervalKey, KpiCounts> counts = fold.counts();
        // call counters are keyed by municipality, agent time by agent alone (no municipality)
        KpiCounts calls = KpiFold.sum(counts, key -> !IntervalKey.NONE.equals(key.tenantId()) && when.test(key));
        KpiCounts agents = KpiFold.sum(counts, key -> IntervalKey.NONE.equals(key.tenantId()) && when.test(key));
        return KpiFigures.of(
                calls, thresholdSeconds, KpiFigures.DEFAULT_SHORT_ABANDON_SECONDS, null, agents, calls.handled());
    }

    private int halfHourOf(Instant at) {
        long seconds = Duration.between(start, at).toSeconds();
        return (int) Math.floorMod(seconds / 1800, 48L);
    }
}
