package de.buergerservice.planning.internal.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulation's key figures, counted per municipality and half hour of the day (by the caller's arrival): calls
 * offered, answered, answered within the municipality's threshold, abandoned, waits, and the agents' busy and
 * available time. Service level = answered in time ÷ offered (a caller who hung up counts as not in time), ASA =
 * mean wait of the answered calls, as in Erlang A.
 *
 * <p>Kept in this one class on purpose: the reporting module defines the product's KPIs (its KPI core was not on
 * main when this was written); once it is, this class is replaced by reporting's definitions fed with the same
 * call outcomes, and nothing else in the simulation changes.
 */
public final class SimulatedKpis {

    private final int municipalities;
    private final long[] offered;
    private final long[] answered;
    private final long[] inTime;
    private final long[] abandoned;
    private final double[] waitOfAnswered;
    private double busySeconds;
    private double availableSeconds;

    SimulatedKpis(int municipalities) {
        this.municipalities = municipalities;
        int cells = municipalities * SimulationModel.INTERVALS;
        offered = new long[cells];
        answered = new long[cells];
        inTime = new long[cells];
        abandoned = new long[cells];
        waitOfAnswered = new double[cells];
    }

    void offered(int municipality, int interval) {
        offered[municipality * SimulationModel.INTERVALS + interval]++;
    }

    void answered(int municipality, int interval, double waitSeconds, boolean withinThreshold) {
        int cell = municipality * SimulationModel.INTERVALS + interval;
        answered[cell]++;
        waitOfAnswered[cell] += waitSeconds;
        if (withinThreshold) {
            inTime[cell]++;
        }
    }

    void abandoned(int municipality, int interval) {
        abandoned[municipality * SimulationModel.INTERVALS + interval]++;
    }

    void busy(double seconds) {
        busySeconds += seconds;
    }

    void available(double seconds) {
        availableSeconds += seconds;
    }

    /** The figures of one group of calls. */
    public record Kpis(long offered, long answered, long answeredInTime, long abandoned, double waitOfAnsweredSeconds) {

        public double serviceLevel() {
            return offered == 0 ? 1.0 : (double) answeredInTime / offered;
        }

        public double averageSpeedOfAnswerSeconds() {
            return answered == 0 ? 0.0 : waitOfAnsweredSeconds / answered;
        }

        public double abandonRate() {
            return offered == 0 ? 0.0 : (double) abandoned / offered;
        }

        Kpis plus(Kpis other) {
            return new Kpis(
                    offered + other.offered,
                    answered + other.answered,
                    answeredInTime + other.answeredInTime,
                    abandoned + other.abandoned,
                    waitOfAnsweredSeconds + other.waitOfAnsweredSeconds);
        }
    }

    private Kpis cell(int cell) {
        return new Kpis(offered[cell], answered[cell], inTime[cell], abandoned[cell], waitOfAnswered[cell]);
    }

    public Kpis total() {
        Kpis sum = new Kpis(0, 0, 0, 0, 0);
        for (int m = 0; m < municipalities; m++) {
            sum = sum.plus(municipality(m));
        }
        return sum;
    }

    public Kpis municipality(int municipality) {
        Kpis sum = new Kpis(0, 0, 0, 0, 0);
        for (int i = 0; i < SimulationModel.INTERVALS; i++) {
            sum = sum.plus(cell(municipality * SimulationModel.INTERVALS + i));
        }
        return sum;
    }

    /** All municipalities' calls that arrived in half hour {@code interval} (0 = 00:00–00:30) of any day. */
    public Kpis interval(int interval) {
        Kpis sum = new Kpis(0, 0, 0, 0, 0);
        for (int m = 0; m < municipalities; m++) {
            sum = sum.plus(cell(m * SimulationModel.INTERVALS + interval));
        }
        return sum;
    }

    public List<Kpis> intervals() {
        List<Kpis> list = new ArrayList<>();
        for (int i = 0; i < SimulationModel.INTERVALS; i++) {
            list.add(interval(i));
        }
        return list;
    }

    /** Share of the agents' available time (on duty, not paused) spent talking or in wrap-up. */
    public double occupancy() {
        return availableSeconds == 0 ? 0.0 : Math.min(1.0, busySeconds / availableSeconds);
    }
}
