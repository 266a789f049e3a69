package de.buergerservice.planning.internal;

/**
 * A staffing and what it achieves: agents on the phone, positions to staff with shrinkage, probability of wait,
 * service level, occupancy, average speed of answer (s) and — with Erlang A — the probability of abandon.
 */
public record Staffing(
        int agents,
        int positions,
        double probabilityOfWait,
        double serviceLevel,
        double occupancy,
        double averageSpeedOfAnswerSeconds,
        double probabilityOfAbandon) {}
