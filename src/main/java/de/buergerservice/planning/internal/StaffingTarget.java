package de.buergerservice.planning.internal;

/**
 * What a staffing must reach: a service level (share answered within the workload's threshold), optionally a
 * longest average speed of answer and a highest occupancy; shrinkage turns agents into positions.
 */
public record StaffingTarget(
        double serviceLevel, Double maxAverageSpeedOfAnswerSeconds, Double maxOccupancy, double shrinkage) {

    /** No staffing search goes beyond this; a load that needs more is a typing error, not a plan. */
    public static final int MAX_AGENTS = 100_000;

    public static StaffingTarget serviceLevel(double serviceLevel, double shrinkage) {
        return new StaffingTarget(serviceLevel, null, null, shrinkage);
    }

    boolean metBy(double serviceLevel, double averageSpeedOfAnswer, double occupancy) {
        return serviceLevel >= this.serviceLevel
                && (maxAverageSpeedOfAnswerSeconds == null || averageSpeedOfAnswer <= maxAverageSpeedOfAnswerSeconds)
                && (maxOccupancy == null || occupancy <= maxOccupancy);
    }
}
