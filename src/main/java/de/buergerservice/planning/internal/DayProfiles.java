package de.buergerservice.planning.internal;

import de.buergerservice.planning.internal.simulation.SimulationModel;

/** Day profiles (48 half-hour weights) for a municipality that has no recorded calls yet. */
public final class DayProfiles {

    private DayProfiles() {}

    /**
     * A citizens' office line open 08:00–18:00: the peak between 09:00 and 11:00, a dip at lunch, a smaller
     * afternoon hump, quiet towards closing time.
     */
    public static double[] office() {
        double[] profile = new double[SimulationModel.INTERVALS];
        double[] open = {6, 9, 11, 12, 12, 11, 10, 9, 7, 6, 6, 7, 8, 8, 7, 6, 5, 4, 3, 2};
        System.arraycopy(open, 0, profile, 16, open.length);
        return profile;
    }

    /** "08:30" for half hour 17. */
    public static String label(int halfHour) {
        return String.format("%02d:%02d", halfHour / 2, halfHour % 2 * 30);
    }
}
